// Reports recorded on the phone and delivered to the server exactly once, in the order they were
// tapped. A tap writes the report, with an idempotency key made on the phone, to storage before
// anything is sent; `flush` then sends the waiting reports one at a time, oldest first, and
// removes each only after the server acknowledged it (2xx). A lost answer, no signal or a server
// error leaves the report in place and stops the round (order is kept: nothing overtakes it); the
// next round sends it again with the same key, and the server, which has seen the key, answers
// with the first copy instead of storing a second. Answers the server will never accept
// (400, 403, 404, ...) are logged as rejected and the round goes on. A report the server keeps
// only as history, because a newer one exists (applied=false), is logged as a conflict for the
// supporter to see.

export const STATUSES = ['on_the_way', 'safe_at_home', 'evacuated', 'needs_help', 'not_at_home', 'could_not_reach'];
/** The statuses that reach HQ at once and must never wait behind a choice. */
export const ESCALATING = ['needs_help', 'could_not_reach'];

/** A fresh idempotency key: 'p' and 32 hex digits from the platform's random generator. */
export function newKey(cryptoImpl = globalThis.crypto) {
  const bytes = new Uint8Array(16);
  cryptoImpl.getRandomValues(bytes);
  return `p${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** What a server answer means for a waiting report: 'done' (with an outcome), 'retry' or 'signin'. */
export function classify(answer) {
  const { status, body } = answer;
  if (status === 200 || status === 201) {
    if (body && body.duplicate) {
      return { action: 'done', outcome: 'duplicate' };
    }
    if (body && body.applied === false) {
      return { action: 'done', outcome: 'conflict' };
    }
    return { action: 'done', outcome: 'applied' };
  }
  if (status === 401) {
    return { action: 'signin' };
  }
  if (status === 0 || status === 408 || status === 425 || status === 429 || status >= 500) {
    return { action: 'retry' };
  }
  return { action: 'done', outcome: 'rejected' };
}

export class Outbox {
  /**
   * @param storage MemoryStorage or the IndexedDB storage
   * @param transport `{ send(entry) → Promise<{status, body}> }`, status 0 when the server is unreachable
   * @param onChange called after every change of the outbox or the log
   */
  constructor({ storage, transport, onChange = () => {}, clock = () => new Date(), makeKey = newKey }) {
    this.storage = storage;
    this.transport = transport;
    this.onChange = onChange;
    this.clock = clock;
    this.makeKey = makeKey;
    this.running = null;
    this.again = false;
  }

  /**
   * Keeps a report: `{kind: 'status', checkId, status, note?, shelterId?}` or `{kind: 'photo',
   * checkId, photo: Blob, contentType}`. Resolves once it is in storage, with the stored entry.
   */
  async record(login, report) {
    if (!login) {
      throw new Error('no login to record the report for');
    }
    if (report.kind === 'status' && !STATUSES.includes(report.status)) {
      throw new Error(`unknown status ${report.status}`);
    }
    const entry = {
      login,
      kind: report.kind,
      key: this.makeKey(),
      checkId: report.checkId,
      status: report.status || null,
      note: report.note ? String(report.note).slice(0, 2000) : null,
      shelterId: report.shelterId === undefined ? null : report.shelterId,
      photo: report.photo || null,
      contentType: report.contentType || null,
      clientTime: this.clock().toISOString(),
    };
    entry.seq = await this.storage.addOutbox(entry);
    await this.storage.putLog(logRecord(entry, 'queued'));
    this.onChange();
    return entry;
  }

  pending(login) {
    return this.storage.listOutbox(login);
  }

  log(login) {
    return this.storage.listLog(login);
  }

  /**
   * Sends the login's waiting reports in order. Resolves `{sent, stopped}`: stopped is null when
   * the outbox is empty, 'retry' (no signal or a server error: try again later) or 'signin' (the
   * session is gone; the reports stay for after signing in). A call while a round runs makes that
   * round look again at the end instead of starting a second one.
   */
  flush(login) {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      let result;
      do {
        this.again = false;
        result = await this.round(login);
        total += result.sent;
      } while (this.again && result.stopped === null);
      return { sent: total, stopped: result.stopped };
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async round(login) {
    let sent = 0;
    for (const entry of await this.storage.listOutbox(login)) {
      let answer;
      try {
        answer = await this.transport.send(entry);
      } catch (e) {
        answer = { status: 0, body: null, detail: e && e.message ? e.message : String(e) };
      }
      const verdict = classify(answer);
      if (verdict.action !== 'done') {
        return { sent, stopped: verdict.action };
      }
      const body = answer.body || {};
      const record = logRecord(entry, verdict.outcome);
      record.eventId = body.event_id === undefined ? null : body.event_id;
      record.escalated = Boolean(body.escalated);
      record.detail = verdict.outcome === 'rejected' ? `HTTP ${answer.status}${body.message ? ` – ${body.message}` : ''}` : null;
      record.answeredAt = this.clock().toISOString();
      await this.storage.putLog(record);
      await this.storage.removeOutbox(entry.seq);
      sent += 1;
      this.onChange();
    }
    return { sent, stopped: null };
  }
}

function logRecord(entry, outcome) {
  return {
    key: entry.key,
    seq: entry.seq,
    login: entry.login,
    kind: entry.kind,
    checkId: entry.checkId,
    status: entry.status,
    shelterId: entry.shelterId,
    clientTime: entry.clientTime,
    outcome,
  };
}
