// Pure helpers of the dispatcher's page (tested under node): the run's request from the chosen
// teams, a move's request, route colours, clock times and the words for a plan and a move.

import { formatNumber, translate } from '../i18n.js';

export const OPERATION_ROLES = ['admin', 'hq', 'dispatcher'];
/** Skills a visit may ask for (the server's SupportNeeds), offered for every team. */
export const VISIT_SKILLS = ['wheelchair_transfer', 'medical_device', 'sign_language'];
export const SECONDS_CHOICES = [5, 15, 30, 60];
export const DEFAULT_MINUTES = 90;

const COLOURS = ['#0b5cad', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d'];

/** Whether an account from api/me may dispatch (admin, HQ or dispatcher). */
export function canDispatch(me) {
  return Boolean(me && Array.isArray(me.roles) && me.roles.some((r) => OPERATION_ROLES.includes(r.role)));
}

/** The colour of the route of team `i`. */
export function routeColour(i) {
  return COLOURS[((i % COLOURS.length) + COLOURS.length) % COLOURS.length];
}

/**
 * The body of POST api/optimisations: `teams` is a list of { supporter: {id, location, skills},
 * minutes, pair, skills (a Set of visit skills) }; a team keeps its own registered skills too.
 */
export function runRequest(emergencyId, teams, seconds) {
  return {
    emergency_id: Number(emergencyId),
    seconds: Number(seconds),
    teams: teams.map((t) => ({
      supporter_id: Number(t.supporter.id),
      start: t.supporter.location,
      minutes: Math.max(1, Math.min(1440, Math.round(Number(t.minutes) || DEFAULT_MINUTES))),
      size: t.pair ? 2 : 1,
      skills: [...new Set([...(t.supporter.skills || []), ...t.skills])].filter((s) => /^[a-z_]{1,40}$/.test(s)),
    })),
  };
}

/** The body of POST api/optimisations/{id}/moves: `to` is a supporter id, or '' to leave the visit out. */
export function moveRequest(checkId, to, place, apply) {
  const body = { check_id: Number(checkId), to_supporter_id: to === '' || to == null ? null : Number(to), apply };
  if (body.to_supporter_id !== null) {
    body.position = Math.max(0, (Number(place) || 1) - 1);
  }
  return body;
}

/** An instant as the local clock time HH:MM. */
export function clockTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The one-line summary of a plan. */
export function summaryText(lang, plan) {
  return translate(lang, 'dispatch.summary', {
    served: formatNumber(lang, plan.served),
    tasks: formatNumber(lang, plan.tasks),
    reached: formatNumber(lang, plan.priority_reached),
    total: formatNumber(lang, plan.priority_total),
    travel: formatNumber(lang, Math.round(plan.travel_minutes || 0)),
    used: formatNumber(lang, plan.teams_used),
  });
}

/** The effect of a move in words: before → after. */
export function moveEffectText(lang, before, after) {
  return translate(lang, 'dispatch.move.effect', {
    served0: before.served,
    served1: after.served,
    reached0: formatNumber(lang, before.priority_reached),
    reached1: formatNumber(lang, after.priority_reached),
    travel0: Math.round(before.travel_minutes || 0),
    travel1: Math.round(after.travel_minutes || 0),
  });
}

/** The words for what a visit needs: skills and two people. */
export function needsText(lang, visit) {
  const words = (visit.skills || []).map((s) => translate(lang, `skill.${s}`));
  if (visit.people_needed === 2) {
    words.push(translate(lang, 'dispatch.people.2'));
  }
  return words.join('・');
}

/** The job's state in words, with its progress while it runs. */
export function stateText(lang, job) {
  if (job.state === 'running') {
    return `${translate(lang, 'dispatch.state.running')} – ${translate(lang, 'dispatch.progress', {
      phase: job.phase, percent: Math.round((job.fraction || 0) * 100),
    })}`;
  }
  return translate(lang, `dispatch.state.${job.state}`, { error: job.error || '' });
}
