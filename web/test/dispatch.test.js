import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES } from '../src/i18n.js';
import {
  VISIT_SKILLS, canDispatch, clockTime, moveRequest, needsText, routeColour, runRequest, stateText, summaryText,
} from '../src/dispatch/format.js';
import { emergencyOptions, movePanelHtml, planHtml, teamRows } from '../src/dispatch/views.js';

const supporter = { id: 7, name: '山田 <花子>', relation: 'neighbour', skills: ['vehicle'], location: [138.86, 35.1] };

const plan = {
  tasks: 3, served: 2, left_out: [{ check_id: 13, location: [138.87, 35.11], reason: 'no_team_with_skills',
    reason_en: 'no team has every skill', reason_ja: '技能を持つチームがありません', skills: ['sign_language'], people_needed: 1 }],
  priority_reached: 120, priority_total: 180, teams_used: 1, travel_minutes: 23.4,
  routes: [
    { supporter_id: 7, start: [138.86, 35.1], finish_at: '2026-11-22T01:30:00Z', travel_minutes: 23.4, geometry: null,
      visits: [
        { check_id: 11, location: [138.861, 35.101], arrival_at: '2026-11-22T00:10:00Z', priority: 60, skills: [], people_needed: 1 },
        { check_id: 12, location: [138.862, 35.102], arrival_at: '2026-11-22T00:30:00Z', priority: 60,
          skills: ['wheelchair_transfer'], people_needed: 2 }] },
    { supporter_id: 8, start: [138.85, 35.1], finish_at: null, travel_minutes: 0, geometry: null, visits: [] },
  ],
};

test('only admin, HQ and dispatchers may dispatch', () => {
  assert.ok(canDispatch({ roles: [{ role: 'dispatcher' }] }));
  assert.ok(!canDispatch({ roles: [{ role: 'planner' }] }));
  assert.ok(!canDispatch(null));
});

test('the run request names each team with its start, minutes, size and skills', () => {
  const body = runRequest('5', [{ supporter, minutes: '75', pair: true, skills: new Set(['wheelchair_transfer']) }], 15);
  assert.deepEqual(body, {
    emergency_id: 5, seconds: 15,
    teams: [{ supporter_id: 7, start: [138.86, 35.1], minutes: 75, size: 2, skills: ['vehicle', 'wheelchair_transfer'] }],
  });
  const bad = runRequest(5, [{ supporter, minutes: 'x', pair: false, skills: new Set() }], 5);
  assert.equal(bad.teams[0].minutes, 90);
  assert.equal(bad.teams[0].size, 1);
});

test('a move goes to a team at a 1-based place, or off every route', () => {
  assert.deepEqual(moveRequest('11', '8', '2', false), { check_id: 11, to_supporter_id: 8, apply: false, position: 1 });
  assert.deepEqual(moveRequest(11, '', 3, true), { check_id: 11, to_supporter_id: null, apply: true });
});

test('words for needs, state and summary', () => {
  assert.equal(needsText('ja', plan.routes[0].visits[1]), '車いす介助・2人で対応');
  assert.equal(needsText('en', plan.routes[0].visits[0]), '');
  assert.match(stateText('ja', { state: 'running', phase: 'optimising', fraction: 0.42 }), /42%/);
  assert.equal(stateText('en', { state: 'failed', error: 'boom' }), 'Failed: boom');
  assert.match(summaryText('en', plan), /Visits 2\/3/);
  assert.match(clockTime('2026-11-22T00:10:00Z'), /^\d\d:\d\d$/);
  assert.equal(clockTime('nonsense'), '—');
  assert.notEqual(routeColour(0), routeColour(1));
  assert.equal(routeColour(8), routeColour(0));
});

test('every visit skill, relation and state has words in both languages', () => {
  for (const lang of ['ja', 'en']) {
    for (const s of [...VISIT_SKILLS, 'vehicle', 'nursing']) {
      assert.ok(MESSAGES[lang][`skill.${s}`], `${lang} skill.${s}`);
    }
    for (const s of ['running', 'finished', 'stopped', 'cancelled', 'failed']) {
      assert.ok(MESSAGES[lang][`dispatch.state.${s}`], `${lang} dispatch.state.${s}`);
    }
  }
});

test('the views escape what the API sends and mark the chosen visit', () => {
  const names = new Map([[7, '山田 <花子>'], [8, '佐藤']]);
  const html = planHtml('ja', plan, names, 12);
  assert.ok(html.includes('山田 &lt;花子&gt;'));
  assert.ok(!html.includes('<花子>'));
  assert.equal((html.match(/data-testid="visit-row"/g) || []).length, 2);
  assert.ok(html.includes('data-check="12" class="is-selected"'));
  assert.ok(html.includes('佐藤：訪問なし'));
  assert.ok(html.includes('技能を持つチームがありません'));
  const rows = teamRows('en', [supporter], new Map([['7', { supporter, minutes: 60, pair: true, skills: new Set(['medical_device']) }]]));
  assert.ok(rows.includes('is-on') && rows.includes('value="60"') && rows.includes('data-pair checked'));
  assert.ok(rows.includes('data-skill="medical_device" checked'));
  assert.ok(emergencyOptions('en', [], null).includes('No emergency'));
  assert.ok(emergencyOptions('ja', [{ id: 3, level_ja: '避難指示', hazard_types: ['flood'], checks: 12 }], 3).includes('避難指示（洪水）12件'));
  const panel = movePanelHtml('en', plan, names, { check: 11, to: '8', place: 1, answer: {
    valid: false, applied: false, violations: ['team 8: needs skills'],
    before: { served: 2, priority_reached: 120, travel_minutes: 20 }, after: { served: 2, priority_reached: 120, travel_minutes: 25 } } });
  assert.ok(panel.includes('data-valid="false"') && panel.includes('team 8: needs skills'));
  assert.ok(panel.includes('<option value="8" selected>'));
});
