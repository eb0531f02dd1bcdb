// What the phone keeps between page loads, per signed-in login: the outbox of reports not yet
// acknowledged by the server (in tap order), the log of what happened to each report, and the last
// route received (so the visits stay readable without signal). IndexedDB in the browser
// (`openBrowserStorage`), a plain in-memory twin for the node tests (`MemoryStorage`); both
// answer the same promise-based methods. Signing out deletes that login's data.

const DB_NAME = 'mimamori-supporter';
const DB_VERSION = 1;
const LOG_LIMIT = 200;

/** The in-memory storage: the same contract as the IndexedDB one, for tests. */
export class MemoryStorage {
  constructor() {
    this.outbox = new Map();
    this.logs = new Map();
    this.snapshots = new Map();
    this.meta = new Map();
    this.nextSeq = 1;
  }

  async addOutbox(entry) {
    const seq = this.nextSeq++;
    this.outbox.set(seq, { ...entry, seq });
    return seq;
  }

  async listOutbox(login) {
    return [...this.outbox.values()].filter((e) => e.login === login).sort((a, b) => a.seq - b.seq);
  }

  async removeOutbox(seq) {
    this.outbox.delete(seq);
  }

  async putLog(record) {
    this.logs.set(record.key, { ...record });
  }

  async listLog(login) {
    return [...this.logs.values()].filter((r) => r.login === login).sort((a, b) => b.seq - a.seq).slice(0, LOG_LIMIT);
  }

  async putSnapshot(login, snapshot) {
    this.snapshots.set(login, { ...snapshot, login });
  }

  async getSnapshot(login) {
    return this.snapshots.get(login) || null;
  }

  async getMeta(key) {
    return this.meta.has(key) ? this.meta.get(key) : null;
  }

  async putMeta(key, value) {
    this.meta.set(key, value);
  }

  async forget(login) {
    for (const [seq, e] of this.outbox) {
      if (e.login === login) {
        this.outbox.delete(seq);
      }
    }
    for (const [key, r] of this.logs) {
      if (r.login === login) {
        this.logs.delete(key);
      }
    }
    this.snapshots.delete(login);
  }
}

/** Opens (creating on first use) the phone's IndexedDB database. */
export function openBrowserStorage(indexedDB = globalThis.indexedDB) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('login', 'login');
      const log = db.createObjectStore('log', { keyPath: 'key' });
      log.createIndex('login', 'login');
      db.createObjectStore('snapshot', { keyPath: 'login' });
      db.createObjectStore('meta');
    };
    open.onsuccess = () => resolve(new BrowserStorage(open.result));
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('the phone storage is blocked by another tab'));
  });
}

class BrowserStorage {
  constructor(db) {
    this.db = db;
  }

  /** Runs `work(store)` in one transaction and resolves with its request's result once committed. */
  run(storeName, mode, work) {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(storeName, mode);
      let result;
      const request = work(tx.objectStore(storeName));
      if (request) {
        request.onsuccess = () => {
          result = request.result;
        };
      }
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('storage transaction aborted'));
    });
  }

  addOutbox(entry) {
    return this.run('outbox', 'readwrite', (s) => s.add(entry));
  }

  async listOutbox(login) {
    const all = await this.run('outbox', 'readonly', (s) => s.index('login').getAll(login));
    return (all || []).sort((a, b) => a.seq - b.seq);
  }

  removeOutbox(seq) {
    return this.run('outbox', 'readwrite', (s) => s.delete(seq));
  }

  putLog(record) {
    return this.run('log', 'readwrite', (s) => s.put(record));
  }

  async listLog(login) {
    const all = await this.run('log', 'readonly', (s) => s.index('login').getAll(login));
    return (all || []).sort((a, b) => b.seq - a.seq).slice(0, LOG_LIMIT);
  }

  putSnapshot(login, snapshot) {
    return this.run('snapshot', 'readwrite', (s) => s.put({ ...snapshot, login }));
  }

  async getSnapshot(login) {
    return (await this.run('snapshot', 'readonly', (s) => s.get(login))) || null;
  }

  async getMeta(key) {
    const value = await this.run('meta', 'readonly', (s) => s.get(key));
    return value === undefined ? null : value;
  }

  putMeta(key, value) {
    return this.run('meta', 'readwrite', (s) => s.put(value, key));
  }

  forget(login) {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(['outbox', 'log', 'snapshot'], 'readwrite');
      for (const name of ['outbox', 'log']) {
        const cursor = tx.objectStore(name).index('login').openCursor(login);
        cursor.onsuccess = () => {
          if (cursor.result) {
            cursor.result.delete();
            cursor.result.continue();
          }
        };
      }
      tx.objectStore('snapshot').delete(login);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
}
