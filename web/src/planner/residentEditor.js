// Editing in the resident panel: opens a section's form, keeps what was typed across re-renders,
// finds destination shelters near the home and supporters near the person, saves with the version
// that was read, and says what happened: saved (the page reloads the resident, so the plan checks
// and the score show their new state), a field to correct (400), or a conflict (409) with the
// values sent beside the current ones and a button to load the current ones. Also shows the
// change history. The HTML comes from editForms.js and historyView.js.

import { getJson, sendJson } from '../api.js';
import { draftOf, requestBody, changedFields, valuesFromForm } from './editForms.js';

const SHELTER_BOX = { lon: 0.05, lat: 0.04 }; // about 4.5 km each way around the home
const SHELTER_CHOICES = 60;

/** Great-circle distance in metres between two lon/lat points. */
export function metresBetween(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

/** Where a section saves: method and address relative to the page. */
export function saveTarget(section, detail) {
  const r = detail.resident;
  switch (section) {
    case 'plan': return { method: 'PATCH', url: `api/residents/${r.id}/plan` };
    case 'consent': return { method: 'POST', url: `api/residents/${r.id}/consent` };
    case 'household': return { method: 'PATCH', url: `api/households/${r.home.id}` };
    default: return { method: 'PATCH', url: `api/residents/${r.id}` };
  }
}

export class ResidentEditor {
  /**
   * panel: the resident panel element. hooks: getDetail(), getCsrf(), canEdit, render() (re-renders
   * the panel), reload() (reloads the resident; a promise), saved() (after a save: the list too),
   * unauthorised() (401: sign in again), failed(source, error) (the error banner).
   */
  constructor(panel, hooks) {
    this.panel = panel;
    this.hooks = hooks;
    this.residentId = null;
    this.editing = null;
    this.form = null;
    this.notice = null;
    this.history = null;
    panel.addEventListener('click', (e) => this.onClick(e));
    panel.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.target && e.target.name === 'supporter_query') {
        e.preventDefault();
        this.searchSupporters();
      }
    });
  }

  /** The state residentView.js draws from. */
  view() {
    return { canEdit: this.hooks.canEdit, editing: this.editing, form: this.form, notice: this.notice, history: this.history };
  }

  /** A new resident is open: forget the last one's forms, notice and history. */
  show(residentId) {
    if (String(residentId) !== String(this.residentId)) {
      this.residentId = residentId;
      this.editing = null;
      this.form = null;
      this.notice = null;
      this.history = null;
    }
  }

  /** Reads what is typed in the open form into the draft, so a re-render keeps it. */
  capture() {
    const element = this.panel.querySelector('form.edit-form');
    if (!element || !this.form) {
      return;
    }
    const data = new FormData(element);
    this.form.values = valuesFromForm(this.editing, data, this.form.values);
    const details = element.querySelector('details.supporter-new');
    this.form.extra = {
      supporter_query: data.get('supporter_query') || '',
      new_kind: data.get('new_kind'),
      new_relation: data.get('new_relation'),
      new_name: data.get('new_name') || '',
      new_phone: data.get('new_phone') || '',
      new_at_home: data.get('new_at_home') !== null,
      new_open: Boolean(details && details.open),
    };
  }

  open(section) {
    const detail = this.hooks.getDetail();
    const start = draftOf(section, detail);
    this.editing = section;
    this.notice = null;
    this.form = {
      start, values: JSON.parse(JSON.stringify(start.values)), extra: {}, error: null, conflict: null, saving: false,
      shelters: null, supporterChoices: null,
    };
    this.hooks.render();
    const first = this.panel.querySelector('form.edit-form select, form.edit-form input');
    if (first) {
      first.focus();
    }
    if (section === 'plan') {
      this.loadShelters();
      this.loadSupporters('');
    }
  }

  close() {
    this.editing = null;
    this.form = null;
    this.hooks.render();
  }

  onClick(e) {
    const t = e.target.closest('button');
    if (!t) {
      return;
    }
    if (t.dataset.edit) {
      this.open(t.dataset.edit);
    } else if (t.hasAttribute('data-cancel')) {
      this.close();
    } else if (t.hasAttribute('data-conflict-reload')) {
      this.reloadAfterConflict();
    } else if (t.hasAttribute('data-history-toggle')) {
      this.toggleHistory();
    } else if (t.dataset.supporterMove !== undefined) {
      this.moveSupporter(Number(t.dataset.supporterMove), Number(t.dataset.delta));
    } else if (t.dataset.supporterRemove !== undefined) {
      this.capture();
      this.form.values.supporters.splice(Number(t.dataset.supporterRemove), 1);
      this.hooks.render();
    } else if (t.dataset.supporterAdd !== undefined) {
      this.addSupporter(Number(t.dataset.supporterAdd));
    } else if (t.hasAttribute('data-supporter-search')) {
      this.searchSupporters();
    } else if (t.hasAttribute('data-supporter-create')) {
      this.createSupporter();
    }
  }

  moveSupporter(i, delta) {
    this.capture();
    const list = this.form.values.supporters;
    const j = i + delta;
    if (j >= 0 && j < list.length) {
      [list[i], list[j]] = [list[j], list[i]];
    }
    this.hooks.render();
  }

  addSupporter(id) {
    this.capture();
    const choice = (this.form.supporterChoices || []).find((c) => Number(c.id) === id);
    if (choice && !this.form.values.supporters.some((s) => Number(s.id) === id)) {
      this.form.values.supporters.push({ id: choice.id, name: choice.name, relation: choice.relation, kind: choice.kind });
    }
    this.hooks.render();
  }

  searchSupporters() {
    this.capture();
    this.loadSupporters(this.form.extra.supporter_query || '');
  }

  async loadSupporters(query) {
    const form = this.form;
    const q = query.trim();
    try {
      const url = `api/supporters?near=${encodeURIComponent(this.residentId)}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
      const found = await getJson(url, { cache: 'no-store' });
      if (this.form === form) {
        this.capture();
        form.supporterChoices = found;
        this.hooks.render();
      }
    } catch (e) {
      this.hooks.failed('supporters', e);
    }
  }

  async loadShelters() {
    const form = this.form;
    const home = this.hooks.getDetail().resident.home || {};
    if (home.lon === undefined || home.lon === null) {
      form.shelters = [];
      return;
    }
    const box = [home.lon - SHELTER_BOX.lon, home.lat - SHELTER_BOX.lat, home.lon + SHELTER_BOX.lon, home.lat + SHELTER_BOX.lat]
      .map((v) => v.toFixed(6)).join(',');
    try {
      const collection = await getJson(`api/shelters?bbox=${box}`, { cache: 'no-store' });
      const list = (collection.features || []).map((f) => ({
        id: f.id, name: f.properties.name, kind: f.properties.kind,
        distance: metresBetween(home, { lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }),
      }));
      list.sort((a, b) => a.distance - b.distance || a.id - b.id);
      if (this.form === form) {
        this.capture();
        form.shelters = list.slice(0, SHELTER_CHOICES);
        this.hooks.render();
      }
    } catch (e) {
      this.hooks.failed('shelters', e);
    }
  }

  async createSupporter() {
    this.capture();
    const form = this.form;
    const x = form.extra;
    const home = this.hooks.getDetail().resident.home || {};
    const body = { kind: x.new_kind, relation: x.new_relation, name: x.new_name, phone: x.new_phone || null };
    if (x.new_at_home && home.lon !== undefined) {
      body.address = home.address || null;
      body.location = { lon: home.lon, lat: home.lat };
    }
    const answer = await sendJson('POST', 'api/supporters', body, { csrf: this.hooks.getCsrf() });
    if (answer.status === 401) {
      this.hooks.unauthorised();
      return;
    }
    if (answer.status === 201) {
      form.values.supporters.push({ id: answer.body.id, name: x.new_name, relation: x.new_relation, kind: x.new_kind });
      form.extra = { ...x, new_name: '', new_phone: '', new_at_home: false, new_open: false };
      form.error = null;
    } else {
      form.error = problem(answer, 'edit.supporters.error');
    }
    this.hooks.render();
  }

  async save() {
    if (!this.form || this.form.saving) {
      return;
    }
    this.capture();
    const section = this.editing;
    const form = this.form;
    const detail = this.hooks.getDetail();
    const body = requestBody(section, form.start, form.values);
    if (changedFields(body).length === 0) {
      this.editing = null;
      this.form = null;
      this.notice = 'edit.unchanged';
      this.hooks.render();
      return;
    }
    form.saving = true;
    form.error = null;
    this.hooks.render();
    const { method, url } = saveTarget(section, detail);
    const answer = await sendJson(method, url, body, { csrf: this.hooks.getCsrf() });
    form.saving = false;
    if (answer.status === 401) {
      this.hooks.unauthorised();
      return;
    }
    if (answer.status === 200 || answer.status === 201) {
      this.editing = null;
      this.form = null;
      if (this.history && this.history.open) {
        this.history.changes = null;
      }
      await this.hooks.saved();
      // said only once the resident is read again, so the notice stands beside the new values and checks
      this.notice = answer.body && answer.body.changed && answer.body.changed.length ? 'edit.saved' : 'edit.unchanged';
      this.hooks.render();
      if (this.history && this.history.open) {
        this.loadHistory();
      }
      return;
    }
    if (answer.status === 409 && answer.body) {
      form.conflict = { sent: body, current: answer.body.current, currentVersion: answer.body.current_version };
    } else {
      form.error = problem(answer, 'edit.error.other');
    }
    this.hooks.render();
    const said = this.panel.querySelector('[data-testid=conflict], [data-testid=edit-error]');
    if (said && said.scrollIntoView) {
      said.scrollIntoView({ block: 'nearest' });
    }
  }

  /** After a conflict: the current values are read again and the form opens on them. */
  async reloadAfterConflict() {
    const section = this.editing;
    this.editing = null;
    this.form = null;
    await this.hooks.reload();
    this.open(section);
  }

  toggleHistory() {
    const open = !(this.history && this.history.open);
    this.history = { open, changes: null };
    this.hooks.render();
    if (open) {
      this.loadHistory();
    }
  }

  async loadHistory() {
    const history = this.history;
    try {
      const answer = await getJson(`api/residents/${encodeURIComponent(this.residentId)}/history`, { cache: 'no-store' });
      if (this.history === history) {
        this.capture();
        history.changes = answer.changes || [];
        this.hooks.render();
      }
    } catch (e) {
      this.hooks.failed('history', e);
    }
  }
}

/** What a refused save says: the field and the server's words (400), or why it was refused. */
function problem(answer, fallbackKey) {
  const b = answer.body || {};
  if (answer.status === 400 && b.parameter) {
    return { field: b.parameter, message: b.message || '' };
  }
  if (answer.status === 403) {
    return { key: 'edit.error.scope', message: b.message || '' };
  }
  if (answer.status === 404) {
    return { key: 'edit.error.gone', message: b.message || '' };
  }
  return { key: fallbackKey, message: b.message || answer.detail || `HTTP ${answer.status}` };
}
