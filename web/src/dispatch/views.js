// The HTML of the dispatcher's page: the emergency choice, the team picker, the plan's tables and
// the move panel. Pure functions of the page's state (tested under node); every text from the API
// goes through escapeHtml.

import { escapeHtml } from '../html.js';
import { formatNumber, translate } from '../i18n.js';
import {
  DEFAULT_MINUTES, SECONDS_CHOICES, VISIT_SKILLS, clockTime, moveEffectText, needsText, routeColour, summaryText,
} from './format.js';

const t = (lang, key, params) => escapeHtml(translate(lang, key, params));

/** The emergency select: active emergencies, with their level, hazards and checks. */
export function emergencyOptions(lang, emergencies, chosen) {
  if (!emergencies.length) {
    return `<option value="">${t(lang, 'dispatch.emergency.none')}</option>`;
  }
  return emergencies.map((e) => {
    const hazards = (e.hazard_types || []).map((h) => translate(lang, `hazard.${h}`)).join('・');
    const label = translate(lang, 'dispatch.emergency.option', {
      level: lang === 'en' ? e.level_en || e.level : e.level_ja || e.level, hazards, checks: formatNumber(lang, e.checks),
    });
    return `<option value="${escapeHtml(e.id)}"${String(e.id) === String(chosen) ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  }).join('');
}

/** One row per supporter near the area: send or not, minutes, a pair, the visit skills. */
export function teamRows(lang, supporters, teams) {
  if (!supporters.length) {
    return `<p class="muted" data-testid="no-supporters">${t(lang, 'dispatch.teams.none')}</p>`;
  }
  return supporters.map((s) => {
    const team = teams.get(String(s.id));
    const on = Boolean(team);
    const registered = (s.skills || []).map((k) => translate(lang, `skill.${k}`)).join('・');
    const skills = VISIT_SKILLS.map((k) =>
      `<label class="skill"><input type="checkbox" data-skill="${k}"${team && team.skills.has(k) ? ' checked' : ''}>` +
      `${t(lang, `skill.${k}`)}</label>`).join('');
    return (
      `<div class="team-row${on ? ' is-on' : ''}" data-testid="team-row" data-supporter="${escapeHtml(s.id)}">` +
      `<label class="send"><input type="checkbox" data-send${on ? ' checked' : ''}>` +
      `<span class="name">${escapeHtml(s.name)}</span>` +
      `<span class="relation muted">${t(lang, `relation.${s.relation}`)}${registered ? `・${escapeHtml(registered)}` : ''}</span></label>` +
      `<span class="team-options"><input type="number" min="1" max="1440" step="5" data-minutes value="${escapeHtml(team ? team.minutes : DEFAULT_MINUTES)}"` +
      ` aria-label="${t(lang, 'dispatch.team.minutes')}">${t(lang, 'dispatch.team.minutes')}` +
      `<label class="skill"><input type="checkbox" data-pair${team && team.pair ? ' checked' : ''}>${t(lang, 'dispatch.team.pair')}</label>` +
      `${skills}</span></div>`
    );
  }).join('');
}

export function secondsOptions(lang, chosen) {
  return SECONDS_CHOICES.map((n) =>
    `<option value="${n}"${n === Number(chosen) ? ' selected' : ''}>${t(lang, 'dispatch.seconds.value', { n })}</option>`).join('');
}

/** The plan: its summary, a table per team and the visits left out. */
export function planHtml(lang, plan, names, selectedCheck) {
  const rows = plan.routes.map((route, i) => {
    const name = names.get(route.supporter_id) || `#${route.supporter_id}`;
    const heading = route.visits.length
      ? t(lang, 'dispatch.route.heading', {
        name, n: route.visits.length, finish: clockTime(route.finish_at), travel: Math.round(route.travel_minutes),
      })
      : t(lang, 'dispatch.route.empty', { name });
    const visits = route.visits.map((v, k) => visitRow(lang, v, k + 1, selectedCheck)).join('');
    return (
      `<section class="route" data-testid="route" data-supporter="${escapeHtml(route.supporter_id)}">` +
      `<h3><span class="swatch" style="background:${routeColour(i)}"></span>${heading}</h3>` +
      (visits ? `<table class="visits"><thead><tr><th>${t(lang, 'dispatch.col.order')}</th><th>${t(lang, 'dispatch.col.check')}</th>` +
        `<th>${t(lang, 'dispatch.col.arrival')}</th><th>${t(lang, 'dispatch.col.priority')}</th><th>${t(lang, 'dispatch.col.needs')}</th></tr></thead>` +
        `<tbody>${visits}</tbody></table>` : '') +
      `</section>`
    );
  }).join('');
  const out = plan.left_out.map((l) =>
    `<li data-testid="left-out" data-check="${escapeHtml(l.check_id)}"${String(l.check_id) === String(selectedCheck) ? ' class="is-selected"' : ''}>` +
    `<button type="button" class="link-button" data-pick="${escapeHtml(l.check_id)}">${t(lang, 'dispatch.check', { id: l.check_id })}</button>` +
    ` <span class="muted">${escapeHtml(lang === 'en' ? l.reason_en : l.reason_ja)}</span></li>`).join('');
  return (
    `<p class="summary" data-testid="plan-summary">${escapeHtml(summaryText(lang, plan))}</p>${rows}` +
    (plan.left_out.length ? `<details class="left-out"><summary>${t(lang, 'dispatch.left_out', { n: plan.left_out.length })}</summary>` +
      `<ul>${out}</ul></details>` : '')
  );
}

function visitRow(lang, v, order, selectedCheck) {
  const selected = String(v.check_id) === String(selectedCheck);
  return (
    `<tr data-testid="visit-row" data-check="${escapeHtml(v.check_id)}"${selected ? ' class="is-selected" aria-selected="true"' : ''}>` +
    `<td class="num">${order}</td>` +
    `<td><button type="button" class="link-button" data-pick="${escapeHtml(v.check_id)}">${t(lang, 'dispatch.check', { id: v.check_id })}</button></td>` +
    `<td class="num">${clockTime(v.arrival_at)}</td>` +
    `<td class="num">${formatNumber(lang, v.priority)}</td>` +
    `<td>${escapeHtml(needsText(lang, v))}</td></tr>`
  );
}

/** The move panel: the chosen visit, where to move it, and the effect of the last preview. */
export function movePanelHtml(lang, plan, names, move) {
  if (!move.check) {
    return `<h2>${t(lang, 'dispatch.move.heading')}</h2><p class="muted">${t(lang, 'dispatch.move.hint')}</p>`;
  }
  const teams = plan.routes.map((r) =>
    `<option value="${escapeHtml(r.supporter_id)}"${String(r.supporter_id) === String(move.to) ? ' selected' : ''}>` +
    `${escapeHtml(names.get(r.supporter_id) || `#${r.supporter_id}`)}</option>`).join('');
  let effect = '';
  if (move.answer) {
    const a = move.answer;
    const verdict = a.valid
      ? `<p class="ok">${t(lang, a.applied ? 'dispatch.move.applied' : 'dispatch.move.valid')}</p>`
      : `<p class="bad">${t(lang, 'dispatch.move.invalid')}</p><ul class="violations">${a.violations.map((v) => `<li>${escapeHtml(v)}</li>`).join('')}</ul>`;
    effect = `<div class="move-effect" data-testid="move-effect" data-valid="${a.valid}">` +
      `<p>${escapeHtml(moveEffectText(lang, a.before, a.after))}</p>${verdict}</div>`;
  }
  return (
    `<h2>${t(lang, 'dispatch.move.heading')}</h2>` +
    `<p data-testid="move-selected">${t(lang, 'dispatch.move.selected', { id: move.check })}</p>` +
    `<label>${t(lang, 'dispatch.move.to')} <select data-testid="move-to" id="move-to">` +
    `${teams}<option value=""${move.to === '' ? ' selected' : ''}>${t(lang, 'dispatch.move.leave_out')}</option></select></label> ` +
    `<label>${t(lang, 'dispatch.move.position')} <input type="number" min="1" id="move-place" data-testid="move-place" value="${escapeHtml(move.place)}"></label>` +
    `<div class="buttons"><button type="button" class="secondary-button" data-testid="move-preview" data-move="preview">${t(lang, 'dispatch.move.preview')}</button>` +
    `<button type="button" class="primary-button" data-testid="move-apply" data-move="apply">${t(lang, 'dispatch.move.apply')}</button></div>` +
    effect
  );
}
