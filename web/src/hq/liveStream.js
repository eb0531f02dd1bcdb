// The wall's live connection: server-sent events from api/events (safety-check reports, shelter
// changes, tile invalidations). It starts after the event id the numbers were read at, keeps the
// last id it received, and after a dropped connection reconnects (0.5 s, then up to 5 s apart)
// asking for the events after that id, so nothing is lost and nothing comes twice; it then tells
// the page to reload what events cannot replay (the tiles). The browser's own retry is not used:
// a new EventSource cannot send Last-Event-ID, so the id goes in `?after=`, which the server reads
// the same way.

export const RETRY_DELAYS_MS = [500, 1000, 2000, 5000];

export class LiveStream {
  /**
   * @param {object} options
   * @param {string} options.url            the stream's URL without query (api/events)
   * @param {number} options.after          the last event id already reflected on the page
   * @param {(type: string, data: object, id: number) => void} options.onEvent   check and shelter events
   * @param {(data: object) => void} options.onTiles   tile invalidations
   * @param {() => void} options.onResumed  after a reconnect: reload what events do not replay
   * @param {(state: string) => void} [options.onState]  connecting, open, reconnecting, closed
   * @param {(url: string) => EventSource} [options.createSource]
   * @param {(fn: () => void, ms: number) => unknown} [options.setTimer]
   * @param {(handle: unknown) => void} [options.clearTimer]
   */
  constructor(options) {
    this.url = options.url;
    this.lastId = Number(options.after) || 0;
    this.onEvent = options.onEvent;
    this.onTiles = options.onTiles;
    this.onResumed = options.onResumed;
    this.onState = options.onState || (() => {});
    this.createSource = options.createSource || ((url) => new EventSource(url));
    this.setTimer = options.setTimer || ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer || ((h) => clearTimeout(h));
    this.source = null;
    this.timer = null;
    this.failures = 0;
    this.dropped = false;
    this.stopped = false;
    this.received = []; // ids received, in order (the tests compare them with the database)
  }

  start() {
    this.stopped = false;
    this._connect();
  }

  stop() {
    this.stopped = true;
    this.clearTimer(this.timer);
    if (this.source) {
      this.source.close();
      this.source = null;
    }
    this.onState('closed');
  }

  _connect() {
    this.onState(this.dropped ? 'reconnecting' : 'connecting');
    const source = this.createSource(`${this.url}?after=${encodeURIComponent(this.lastId)}`);
    this.source = source;
    source.addEventListener('open', () => {
      if (source !== this.source) {
        return;
      }
      this.failures = 0;
      this.onState('open');
      if (this.dropped) {
        this.dropped = false;
        this.onResumed();
      }
    });
    const handle = (type) => (message) => {
      if (source !== this.source) {
        return;
      }
      const id = Number(message.lastEventId);
      if (!(id > this.lastId)) {
        return; // replayed twice by an overlap: already applied
      }
      this.lastId = id;
      this.received.push(id);
      this.onEvent(type, JSON.parse(message.data), id);
    };
    source.addEventListener('check', handle('check'));
    source.addEventListener('shelter', handle('shelter'));
    source.addEventListener('tiles', (message) => {
      if (source === this.source) {
        this.onTiles(JSON.parse(message.data));
      }
    });
    source.addEventListener('error', () => {
      if (source !== this.source || this.stopped) {
        return;
      }
      source.close();
      this.source = null;
      this.dropped = true;
      const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
      this.failures++;
      this.onState('reconnecting');
      this.timer = this.setTimer(() => {
        if (!this.stopped) {
          this._connect();
        }
      }, delay);
    });
  }
}

/**
 * Runs `task` at most once per `ms`: the first call at once, calls during the pause coalesced into
 * one run at its end (so a burst of 100 reports costs two reloads, and the last one is seen).
 */
export function throttle(task, ms, setTimer = (fn, t) => setTimeout(fn, t)) {
  let waiting = false;
  let again = false;
  const run = () => {
    waiting = true;
    Promise.resolve(task()).finally(() => {
      setTimer(() => {
        waiting = false;
        if (again) {
          again = false;
          run();
        }
      }, ms);
    });
  };
  return () => {
    if (waiting) {
      again = true;
    } else {
      run();
    }
  };
}
