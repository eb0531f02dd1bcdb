// Keeps one layer's data in step with the map view: each view change schedules a load after a
// short quiet time (so a drag or a zoom animation costs one request, not dozens), and a new load
// aborts the one still in flight, so a slow answer for an old view never overwrites a newer one.

import { getJson, isAbort } from './api.js';

export class ViewportLoader {
  /**
   * @param {object} options
   * @param {() => {url: string, bbox: string}} options.request what to fetch for the current view
   * @param {(data: object, bbox: string) => void} options.onData the answer for the newest view
   * @param {(error: Error) => void} options.onError a failed load (aborts are not failures)
   * @param {(state: string, bbox: string) => void} [options.onState] 'loading' | 'ready' | 'error'
   * @param {number} [options.delayMs] quiet time after the last view change
   */
  constructor({ request, onData, onError, onState = () => {}, delayMs = 250, fetchJson = getJson }) {
    this.request = request;
    this.onData = onData;
    this.onError = onError;
    this.onState = onState;
    this.delayMs = delayMs;
    this.fetchJson = fetchJson;
    this.timer = null;
    this.controller = null;
    this.schedule = this.schedule.bind(this);
  }

  /** Call on every view change (Leaflet's `moveend`). */
  schedule() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.load();
    }, this.delayMs);
  }

  /** Loads now for the current view, aborting any load in flight. Resolves when it settles. */
  async load() {
    if (this.controller) {
      this.controller.abort();
    }
    const controller = new AbortController();
    this.controller = controller;
    const { url, bbox } = this.request();
    this.onState('loading', bbox);
    try {
      const data = await this.fetchJson(url, { signal: controller.signal });
      if (controller !== this.controller) {
        return;
      }
      this.onData(data, bbox);
      this.onState('ready', bbox);
    } catch (error) {
      if (isAbort(error) || controller !== this.controller) {
        return;
      }
      this.onError(error);
      this.onState('error', bbox);
    }
  }

  stop() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.controller) {
      this.controller.abort();
      this.controller = null;
    }
  }
}
