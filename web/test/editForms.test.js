import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES } from '../src/i18n.js';
import {
  SECTIONS, draftOf, formHtml, requestBody, valueText, valuesFromForm,
} from '../src/planner/editForms.js';
import { historyListHtml } from '../src/planner/historyView.js';
import { metresBetween, saveTarget } from '../src/planner/residentEditor.js';
import { residentHtml } from '../src/planner/residentView.js';

const detail = {
  resident: {
    id: 12, version: 4, family_name: '山田', given_name: '花子', birth_date: '1938-02-11', sex: 'female', phone: null,
    register_status: 'active', consent_version: 2,
    home: { id: 7, version: 1, address: '架空町1-2', composition: 'alone', member_count: 1, lon: 138.86, lat: 35.1 },
    condition: { care_level: 'care_3', disability_types: ['physical'], physical_disability_grade: 2, medical_devices: [],
      ventilator_24h: false, needs_info_support: true, needs_decision_support: false, severe_motor_intellectual: false,
      school_status: 'none' },
    plan: { id: 30, version: 5, status: 'partial', destination_kind: 'shelter', destination: { id: 9, name: '第一小学校', kind: 'designated_shelter' },
      items_to_carry: ['保険証'], home_hazards: ['flood'], last_reviewed_on: '2023-03-01',
      supporters: [{ id: 3, name: '佐藤 一郎', relation: 'neighbour', kind: 'person' }, { id: 4, name: '自主防災会', relation: 'voluntary_disaster_group', kind: 'organisation' }] },
    consent: { state: 'presumed', basis: 'ordinance_presumption', decided_on: '2023-04-01' },
  },
  priority: null,
  plan_checks: [],
};

/** A FormData stand-in: get (first value or null) and getAll. */
function fakeForm(entries) {
  return {
    get: (name) => (entries.find(([k]) => k === name) || [null, null])[1],
    getAll: (name) => entries.filter(([k]) => k === name).map(([, v]) => v),
  };
}

test('every field of every form has a label in both languages', () => {
  for (const fields of Object.values(SECTIONS)) {
    for (const f of fields) {
      for (const lang of ['ja', 'en']) {
        assert.ok(Object.hasOwn(MESSAGES[lang], `edit.field.${f.name}`), `${lang} lacks edit.field.${f.name}`);
      }
    }
  }
});

test('a plan draft starts from the stored plan and its version', () => {
  const d = draftOf('plan', detail);
  assert.equal(d.version, 5);
  assert.equal(d.values.destination_shelter_id, 9);
  assert.deepEqual(d.values.supporters.map((s) => s.id), [3, 4]);
  const none = draftOf('plan', { resident: { ...detail.resident, plan: null } });
  assert.equal(none.version, null);
  assert.equal(none.values.status, 'draft');
  assert.equal(draftOf('consent', detail, '2026-11-22').version, 2);
  assert.equal(draftOf('consent', detail, '2026-11-22').values.decided_on, '2026-11-22');
  assert.equal(draftOf('household', detail).version, 1);
  assert.equal(draftOf('register', detail).values.physical_disability_grade, 2);
});

test('a save sends the version read and only the fields changed, supporters as ids in calling order', () => {
  const start = draftOf('plan', detail);
  const values = valuesFromForm('plan', fakeForm([
    ['status', 'complete'], ['destination_kind', 'shelter'], ['destination_shelter_id', '9'], ['destination_note', ''],
    ['route_notes', '  坂を避ける  '], ['items_to_carry', '保険証\n\n眼鏡 '], ['home_hazards', 'flood'],
    ['care_manager_name', ''], ['care_manager_phone', ''], ['last_reviewed_on', '2026-11-22'],
  ]), { supporters: [start.values.supporters[1], start.values.supporters[0]] });
  assert.deepEqual(requestBody('plan', start, values), {
    version: 5, status: 'complete', route_notes: '坂を避ける', items_to_carry: ['保険証', '眼鏡'],
    last_reviewed_on: '2026-11-22', supporters: [4, 3],
  });
  const created = draftOf('plan', { resident: { ...detail.resident, plan: null } });
  assert.deepEqual(requestBody('plan', created, { ...created.values, route_notes: '2階へ' }),
    { version: null, status: 'draft', route_notes: '2階へ' });
});

test('register and household forms read checkboxes, numbers and empty grades', () => {
  const values = valuesFromForm('register', fakeForm([
    ['family_name', '山田'], ['given_name', '花子'], ['birth_date', '1938-02-11'], ['sex', 'female'], ['care_level', 'care_5'],
    ['disability_types', 'physical'], ['disability_types', 'visual'], ['physical_disability_grade', ''],
    ['medical_devices', 'ventilator'], ['ventilator_24h', 'on'], ['school_status', 'none'], ['register_status', 'active'],
  ]));
  assert.deepEqual(values.disability_types, ['physical', 'visual']);
  assert.equal(values.physical_disability_grade, null);
  assert.equal(values.ventilator_24h, true);
  assert.equal(values.needs_info_support, false);
  const body = requestBody('register', draftOf('register', detail), values);
  assert.deepEqual(Object.keys(body).sort(),
    ['care_level', 'disability_types', 'medical_devices', 'needs_info_support', 'physical_disability_grade', 'ventilator_24h', 'version']);
  const household = valuesFromForm('household', fakeForm([['address', '架空町1-2'], ['composition', 'with_family'], ['member_count', '3']]));
  assert.deepEqual(requestBody('household', draftOf('household', detail), household),
    { version: 1, composition: 'with_family', member_count: 3 });
});

test('values read as words in either language', () => {
  assert.equal(valueText('ja', 'status', 'complete'), '作成済み');
  assert.equal(valueText('en', 'care_level', 'care_5'), 'Care level 5');
  assert.equal(valueText('ja', 'ventilator_24h', true), 'はい');
  assert.equal(valueText('en', 'needs_info_support', false), 'no');
  assert.equal(valueText('ja', 'supporters', [{ id: 3, name: '佐藤 一郎' }, { id: 4, name: '自主防災会' }]), '佐藤 一郎、自主防災会');
  assert.equal(valueText('en', 'home_hazards', ['flood', 'tsunami']), 'Flood, Tsunami');
  assert.equal(valueText('ja', 'route_notes', null), '—');
  assert.equal(valueText('en', 'destination_shelter_id', { id: 9, name: '第一小学校', kind: 'designated_shelter' }), '第一小学校');
});

test('a conflict shows what was sent beside the current values, and a button to load them', () => {
  const start = draftOf('plan', detail);
  const sent = { version: 5, status: 'complete', route_notes: '坂を避ける' };
  const html = formHtml('ja', 'plan', detail, {
    ...start, values: { ...start.values, status: 'complete', route_notes: '坂を避ける' },
    conflict: { sent, current: { version: 6, status: 'refused', route_notes: null }, currentVersion: 6 },
  });
  assert.match(html, /data-testid="conflict" data-version="6"/);
  assert.match(html, /他の人が先に変更しました/);
  assert.match(html, /<tr data-testid="conflict-field" data-field="status"><th scope="row">計画の状況<\/th><td data-testid="conflict-yours">作成済み<\/td><td data-testid="conflict-current">本人が辞退<\/td>/);
  assert.match(html, /data-testid="conflict-reload"/);
  assert.match(html, /data-testid="save-plan" disabled/);
  const en = formHtml('en', 'plan', detail, { ...start, conflict: { sent, current: { version: 6 }, currentVersion: 6 } });
  assert.match(en, /Someone else saved first/);
  assert.match(en, /Load the current values/);
});

test('a refused value names its field in the page language and marks the input', () => {
  const start = draftOf('register', detail);
  const html = formHtml('en', 'register', detail, { ...start, error: { field: 'birth_date', message: 'birth_date must not be in the future' } });
  assert.match(html, /data-testid="edit-error" data-field="birth_date">Please correct &quot;Date of birth&quot;: birth_date must not be in the future/);
  assert.match(html, /name="birth_date" value="1938-02-11" data-testid="edit-register-birth_date" aria-invalid="true"/);
});

test('form values from the API are escaped', () => {
  const start = draftOf('plan', detail);
  const html = formHtml('ja', 'plan', detail, { ...start, values: { ...start.values, route_notes: '<b>"坂"</b>' } });
  assert.match(html, /&lt;b&gt;&quot;坂&quot;&lt;\/b&gt;/);
  assert.doesNotMatch(html, /<b>"坂"/);
});

test('the panel offers edit buttons only to editors, and the history to every reader', () => {
  const editorView = residentHtml('ja', detail, { canEdit: true, editing: null, form: null, notice: 'edit.saved', history: null });
  for (const section of ['plan', 'consent', 'register', 'household']) {
    assert.match(editorView, new RegExp(`data-edit="${section}"`));
  }
  assert.match(editorView, /data-testid="edit-notice">保存しました/);
  assert.match(editorView, /data-testid="history-toggle"/);
  const hqView = residentHtml('ja', detail, { canEdit: false, editing: null, form: null, notice: null, history: null });
  assert.doesNotMatch(hqView, /data-edit=/);
  assert.match(hqView, /data-testid="history-toggle"/);
  const start = draftOf('consent', detail);
  const editing = residentHtml('en', detail, { canEdit: true, editing: 'consent', form: { ...start }, notice: null, history: null });
  assert.match(editing, /data-testid="form-consent"/);
  assert.doesNotMatch(editing, /data-edit=/);
});

test('the history lists each change with old and new values in words', () => {
  const html = historyListHtml('en', [{
    id: 2, entity: 'evacuation_plan', entity_id: 30, version: 6, login: 'planner.kato', changed_at: '2026-11-22T01:31:00Z',
    changes: [{ field: 'status', old: 'partial', new: 'complete' }, { field: 'supporters', old: [{ id: 3, name: '佐藤 一郎' }], new: [] }],
  }]);
  assert.match(html, /data-entity="evacuation_plan" data-version="6"/);
  assert.match(html, /22\/11\/2026, 10:31/);
  assert.match(html, /planner\.kato/);
  assert.match(html, /Plan status<\/span>: <span class="history-old">Partly filled<\/span> → <span class="history-new">Complete<\/span>/);
  assert.match(html, /Supporters \(in calling order\)<\/span>: <span class="history-old">佐藤 一郎<\/span> → <span class="history-new">none<\/span>/);
  assert.match(historyListHtml('ja', []), /変更の記録はまだありません/);
  assert.doesNotMatch(html, /history-source/);
});

test('a change written by a register import says so, with its run', () => {
  const entry = {
    id: 3, entity: 'resident', entity_id: 7, version: 2, login: 'cli:ops', changed_at: '2026-11-22T01:31:00Z',
    source: 'import', import_run_id: 12, changes: [{ field: 'register_status', old: 'active', new: 'moved_away' }],
  };
  assert.match(historyListHtml('ja', [entry]), /data-source="import">名簿ファイルの取込み（#12）</);
  assert.match(historyListHtml('en', [{ ...entry, import_run_id: null }]), /data-source="import">register file import</);
  assert.doesNotMatch(historyListHtml('en', [{ ...entry, source: 'edit' }]), /history-source/);
});

test('each section saves to its own address, and distances are great-circle metres', () => {
  assert.deepEqual(saveTarget('plan', detail), { method: 'PATCH', url: 'api/residents/12/plan' });
  assert.deepEqual(saveTarget('consent', detail), { method: 'POST', url: 'api/residents/12/consent' });
  assert.deepEqual(saveTarget('household', detail), { method: 'PATCH', url: 'api/households/7' });
  assert.deepEqual(saveTarget('register', detail), { method: 'PATCH', url: 'api/residents/12' });
  const m = metresBetween({ lon: 138.86, lat: 35.1 }, { lon: 138.87, lat: 35.1 });
  assert.ok(m > 905 && m < 915, `${m}`);
});
