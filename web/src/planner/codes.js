// The codes the planner's API sends or accepts, in the order the page offers them. Each has a
// label in the i18n table under `<prefix>.<code>` (test/i18n.test.js checks both languages), and
// server/src/test/.../PlannerPageIT checks FACTORS and CHECKS against the server's enums.

export const PROFILES = ['national', 'kobe'];
export const BANDS = ['A', 'B', 'C', 'D'];
export const HAZARD_FILTERS = ['flood', 'tsunami', 'landslide'];
export const PLAN_STATUSES = ['none', 'draft', 'partial', 'complete', 'refused'];

/** Priority factors (layers: PriorityFactor), grouped as the guideline groups them. */
export const FACTORS = [
  'flood_under_05m', 'flood_05_to_3m', 'flood_over_3m', 'tsunami_zone', 'tsunami_deep',
  'landslide_warning', 'landslide_special_warning',
  'care_3', 'care_4', 'care_5', 'physical_grade_1_2', 'intellectual_a', 'mental_grade_1',
  'severe_motor_intellectual', 'ventilator', 'ventilator_24h', 'other_powered_device',
  'needs_decision_support', 'needs_info_support',
  'lives_alone', 'elderly_couple', 'frail_family', 'alone_daytime', 'several_needing_support',
  'no_supporter', 'supporters_all_exposed',
  'care_5_in_hazard_area',
];

/** Plan checks (layers: PlanCheck). */
export const CHECKS = [
  'destination_not_designated', 'destination_in_hazard_zone', 'welfare_target_mismatch',
  'child_welfare_not_eligible', 'over_capacity', 'no_supporter', 'supporter_exposed',
  'not_reviewed', 'consent_missing',
];

/** Register codes (schema v1) shown in a resident's entry, by i18n prefix. */
export const REGISTER_CODES = {
  sex: ['female', 'male', 'other', 'unknown'],
  care: ['none', 'support_1', 'support_2', 'care_1', 'care_2', 'care_3', 'care_4', 'care_5'],
  disability: ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'developmental', 'intractable_disease'],
  device: ['ventilator', 'oxygen', 'suction', 'dialysis', 'feeding_pump', 'electric_bed', 'other_powered'],
  school: ['none', 'special_needs_pupil', 'preschool_child'],
  composition: ['alone', 'elderly_couple', 'with_family'],
  destination: ['shelter', 'relative_home', 'care_facility_short_stay', 'stay_home'],
  'supporter.kind': ['person', 'organisation'],
  relation: [
    'family', 'relative', 'neighbour', 'neighbourhood_association', 'voluntary_disaster_group',
    'welfare_commissioner', 'social_welfare_council', 'fire_brigade', 'police', 'care_provider', 'other',
  ],
  'consent.state': ['given', 'presumed', 'refused', 'unknown'],
  'consent.basis': ['written_form', 'verbal', 'ordinance_presumption', 'none'],
  'register.status': ['active', 'moved_away', 'deceased', 'in_care_facility'],
};

/** The roles that may read the register (server: AccessRules.REGISTER_READERS). */
export const READER_ROLES = ['admin', 'hq', 'planner'];

/** The roles that may change the register and plans (server: AccessRules.REGISTER_WRITERS). */
export const WRITER_ROLES = ['admin', 'planner'];
