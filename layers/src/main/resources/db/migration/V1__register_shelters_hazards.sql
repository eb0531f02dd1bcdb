-- mimamori schema v1: the register, households, supporters, plans, consent, shelters, hazards.
-- Every geometry is EPSG:4326 (lon/lat) with a GiST index. Vocabularies are CHECK constraints so a
-- bad value fails at the row that carries it.

-- The embedded cluster creates PostGIS as superuser; an external database may already have it.
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
        CREATE EXTENSION postgis;
    END IF;
END $$;

-- Town districts (町丁目 / 地区): the unit planners and HQ filter by.
CREATE TABLE district (
    id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{5,6}$'),
    name              text NOT NULL,
    geom              geometry(MultiPolygon, 4326) NOT NULL,
    UNIQUE (municipality_code, name)
);
CREATE INDEX district_geom_idx ON district USING gist (geom);

-- A household at one home point. Residents of the register belong to one.
CREATE TABLE household (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{5,6}$'),
    district_id       integer REFERENCES district (id),
    address           text NOT NULL,
    geom              geometry(Point, 4326) NOT NULL,
    -- alone: one person; elderly_couple: only people aged 65+; with_family: anyone else lives there
    composition       text NOT NULL CHECK (composition IN ('alone', 'elderly_couple', 'with_family')),
    member_count      smallint NOT NULL CHECK (member_count BETWEEN 1 AND 30),
    family_frail      boolean NOT NULL DEFAULT false,  -- the family members are themselves frail
    alone_daytime     boolean NOT NULL DEFAULT false,  -- alone while the family is at work or school
    version           integer NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_geom_idx ON household USING gist (geom);
CREATE INDEX household_district_idx ON household (district_id);

-- A resident needing support (避難行動要支援者): the register items of art. 49-10 and the reasons.
CREATE TABLE resident (
    id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id                bigint NOT NULL REFERENCES household (id),
    municipality_code           text NOT NULL CHECK (municipality_code ~ '^[0-9]{5,6}$'),
    register_no                 text NOT NULL,  -- the municipality's own number for the entry
    family_name                 text NOT NULL,
    given_name                  text NOT NULL,
    family_name_kana            text,
    given_name_kana             text,
    birth_date                  date NOT NULL,
    sex                         text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    phone                       text,
    care_level                  text NOT NULL DEFAULT 'none' CHECK (care_level IN
                                    ('none', 'support_1', 'support_2', 'care_1', 'care_2', 'care_3', 'care_4', 'care_5')),
    disability_types            text[] NOT NULL DEFAULT '{}' CHECK (disability_types <@ ARRAY
                                    ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental',
                                     'developmental', 'intractable_disease']::text[]),
    physical_disability_grade   smallint CHECK (physical_disability_grade BETWEEN 1 AND 6),   -- 身体障害者手帳
    intellectual_disability_grade text CHECK (intellectual_disability_grade IN ('A', 'B')),  -- 療育手帳 (A severe)
    mental_disability_grade     smallint CHECK (mental_disability_grade BETWEEN 1 AND 3),     -- 精神障害者保健福祉手帳
    severe_motor_intellectual   boolean NOT NULL DEFAULT false,  -- 重症心身障害児者
    medical_devices             text[] NOT NULL DEFAULT '{}' CHECK (medical_devices <@ ARRAY
                                    ['ventilator', 'oxygen', 'suction', 'dialysis', 'feeding_pump',
                                     'electric_bed', 'other_powered']::text[]),
    ventilator_24h              boolean NOT NULL DEFAULT false,
    needs_info_support          boolean NOT NULL DEFAULT false,
    needs_decision_support      boolean NOT NULL DEFAULT false,
    -- for the child welfare shelters: pupils of special-needs schools and pre-school children
    school_status               text NOT NULL DEFAULT 'none' CHECK (school_status IN
                                    ('none', 'special_needs_pupil', 'preschool_child')),
    register_status             text NOT NULL DEFAULT 'active' CHECK (register_status IN
                                    ('active', 'moved_away', 'deceased', 'in_care_facility')),
    registered_on               date NOT NULL DEFAULT current_date,
    version                     integer NOT NULL DEFAULT 0,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (municipality_code, register_no),
    CHECK (NOT ventilator_24h OR 'ventilator' = ANY (medical_devices))
);
CREATE INDEX resident_household_idx ON resident (household_id);
CREATE INDEX resident_active_idx ON resident (municipality_code) WHERE register_status = 'active';

-- A supporter (避難支援等実施者): a person, or an organisation (避難支援等関係者).
CREATE TABLE supporter (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{5,6}$'),
    kind              text NOT NULL CHECK (kind IN ('person', 'organisation')),
    relation          text NOT NULL CHECK (relation IN
                          ('family', 'relative', 'neighbour', 'neighbourhood_association',
                           'voluntary_disaster_group', 'welfare_commissioner', 'social_welfare_council',
                           'fire_brigade', 'police', 'care_provider', 'other')),
    name              text NOT NULL,
    phone             text,
    address           text,
    geom              geometry(Point, 4326),
    skills            text[] NOT NULL DEFAULT '{}',
    version           integer NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supporter_geom_idx ON supporter USING gist (geom);

-- Shelters of every kind. One row per published record: a school that is both an evacuation site
-- and a designated shelter has two rows (the GSI publishes two lists), linked by source_id.
CREATE TABLE shelter (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code text CHECK (municipality_code ~ '^[0-9]{5,6}$'),
    kind              text NOT NULL CHECK (kind IN
                          ('evacuation_site',        -- 指定緊急避難場所, designated per hazard
                           'designated_shelter',     -- 指定避難所
                           'welfare_shelter',        -- 指定福祉避難所, with announced target groups
                           'child_welfare_shelter')),-- 福祉子ども避難所 (special-needs school)
    name              text NOT NULL,
    address           text,
    geom              geometry(Point, 4326) NOT NULL,
    -- evacuation sites: the hazards the site is designated for
    hazards           text[] NOT NULL DEFAULT '{}' CHECK (hazards <@ ARRAY
                          ['flood', 'landslide', 'storm_surge', 'earthquake', 'tsunami', 'fire',
                           'inland_flood', 'volcano']::text[]),
    -- welfare shelters: the announced target groups, as published and as codes
    target_groups_text text,
    target_groups     text[] NOT NULL DEFAULT '{}' CHECK (target_groups <@ ARRAY
                          ['care_needing', 'elderly', 'disabled', 'pupils', 'preschool_disabled',
                           'pregnant', 'infants', 'designated_by_city', 'families']::text[]),
    -- child welfare shelters: the disability types taken
    disability_types  text[] NOT NULL DEFAULT '{}' CHECK (disability_types <@ ARRAY
                          ['physical', 'visual', 'hearing', 'intellectual', 'mental', 'developmental']::text[]),
    capacity_persons  integer CHECK (capacity_persons >= 0),   -- everyone, family members included
    capacity_children integer CHECK (capacity_children >= 0),  -- of which children with disabilities
    remarks           text,
    source            text NOT NULL,     -- gsi, kumamoto_portal, kumamoto_child_welfare_table, demo
    source_id         text NOT NULL,     -- 共通ID, portal id, or the generator's id
    version           integer NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, source_id, kind),
    CHECK (capacity_children IS NULL OR capacity_persons IS NULL OR capacity_children <= capacity_persons)
);
CREATE INDEX shelter_geom_idx ON shelter USING gist (geom);
CREATE INDEX shelter_kind_idx ON shelter (kind);

-- Hazard zones. rank: flood and tsunami depth rank (1 shallowest; PLATEAU 浸水ランク), landslide
-- 1 = warning zone (警戒区域), 2 = special warning zone (特別警戒区域).
CREATE TABLE hazard_zone (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hazard_type       text NOT NULL CHECK (hazard_type IN
                          ('flood', 'tsunami', 'landslide', 'storm_surge', 'inland_flood')),
    rank              smallint NOT NULL CHECK (rank BETWEEN 1 AND 9),
    phenomenon        text CHECK (phenomenon IN ('steep_slope', 'debris_flow', 'landslide')),
    name              text,
    scenario          text,
    source            text NOT NULL,
    source_id         text,
    geom              geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (hazard_type <> 'landslide' OR rank IN (1, 2))
);
CREATE INDEX hazard_zone_geom_idx ON hazard_zone USING gist (geom);
CREATE INDEX hazard_zone_type_idx ON hazard_zone (hazard_type, rank);

-- The individual evacuation plan (個別避難計画, art. 49-14). One per resident; a refusal is a
-- status, not a plan.
CREATE TABLE evacuation_plan (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resident_id            bigint NOT NULL UNIQUE REFERENCES resident (id),
    status                 text NOT NULL CHECK (status IN ('none', 'draft', 'partial', 'complete', 'refused')),
    destination_kind       text CHECK (destination_kind IN
                               ('shelter', 'relative_home', 'care_facility_short_stay', 'stay_home')),
    destination_shelter_id bigint REFERENCES shelter (id),
    destination_note       text,
    route_notes            text,
    items_to_carry         text[] NOT NULL DEFAULT '{}',
    home_hazards           text[] NOT NULL DEFAULT '{}',
    care_manager_name      text,
    care_manager_phone     text,
    last_reviewed_on       date,
    version                integer NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK (destination_kind IS DISTINCT FROM 'shelter' OR destination_shelter_id IS NOT NULL)
);
CREATE INDEX evacuation_plan_destination_idx ON evacuation_plan (destination_shelter_id);

-- The plan's supporters, in the order they are called.
CREATE TABLE plan_supporter (
    plan_id      bigint NOT NULL REFERENCES evacuation_plan (id) ON DELETE CASCADE,
    supporter_id bigint NOT NULL REFERENCES supporter (id),
    ordinal      smallint NOT NULL CHECK (ordinal >= 1),
    PRIMARY KEY (plan_id, supporter_id),
    UNIQUE (plan_id, ordinal)
);
CREATE INDEX plan_supporter_supporter_idx ON plan_supporter (supporter_id);

-- Consent to share register and plan data in normal times (art. 49-11). Rows are never updated:
-- the newest decision per resident is in force, the older ones are its history.
CREATE TABLE consent (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resident_id  bigint NOT NULL REFERENCES resident (id),
    state        text NOT NULL CHECK (state IN ('given', 'presumed', 'refused', 'unknown')),
    basis        text NOT NULL CHECK (basis IN ('written_form', 'verbal', 'ordinance_presumption', 'none')),
    decided_on   date NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    note         text,
    CHECK (state <> 'presumed' OR basis = 'ordinance_presumption')
);
CREATE INDEX consent_resident_idx ON consent (resident_id, decided_on DESC, id DESC);

CREATE VIEW current_consent AS
SELECT DISTINCT ON (resident_id) resident_id, state, basis, decided_on
FROM consent
ORDER BY resident_id, decided_on DESC, id DESC;

-- Every import run, with each rejected row (file, row, field, reason; never the value itself).
CREATE TABLE import_run (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text NOT NULL,
    file_name      text NOT NULL,
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    outcome        text NOT NULL CHECK (outcome IN ('committed', 'rejected', 'failed')),
    rows_read      integer NOT NULL DEFAULT 0,
    rows_stored    integer NOT NULL DEFAULT 0,
    rows_rejected  integer NOT NULL DEFAULT 0,
    message        text
);
CREATE TABLE import_rejection (
    import_run_id  bigint NOT NULL REFERENCES import_run (id) ON DELETE CASCADE,
    row_no         integer NOT NULL,
    field          text,
    reason         text NOT NULL
);
CREATE INDEX import_rejection_run_idx ON import_rejection (import_run_id, row_no);

-- What the demo town generator loaded, so that a second start does not load it again.
CREATE TABLE demo_dataset (
    id            smallint PRIMARY KEY CHECK (id = 1),
    seed          bigint NOT NULL,
    residents     integer NOT NULL,
    scale         double precision NOT NULL,
    shelter_source text NOT NULL,
    hazard_source  text NOT NULL,
    osm_file      text NOT NULL,
    generated_at  timestamptz NOT NULL DEFAULT now()
);
