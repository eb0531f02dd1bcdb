-- Edits of the register through the API (issue 3): every change to a resident, household,
-- supporter, evacuation plan or consent leaves one row here, in the transaction that made it: the
-- entity and its id, the version the change produced, each changed field with its old and new
-- value, who and when. The values are personal data: read it only as the register is read (audited).
CREATE TABLE change_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity       text NOT NULL CHECK (entity IN ('resident', 'household', 'supporter', 'evacuation_plan', 'consent')),
    entity_id    bigint NOT NULL,
    -- the resident the change concerns (a resident, their plan or consent); null for households and supporters
    resident_id  bigint REFERENCES resident (id),
    version      integer NOT NULL,                       -- the entity's version after the change
    changes      jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array'),  -- [{"field", "old", "new"}, ...]
    user_id      bigint,
    login        text,
    purpose      text NOT NULL,
    changed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_history_resident_idx ON change_history (resident_id, id) WHERE resident_id IS NOT NULL;
CREATE INDEX change_history_entity_idx ON change_history (entity, entity_id, id);

-- Facts about an audited action that are not personal data (a file name, row counts, an outcome),
-- so that a command-line import or export says what it did. Hashed into the chain when present.
ALTER TABLE audit_log ADD COLUMN detail text;

-- A register file loaded from the command line is audited as an import (file name and counts in the detail).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN
    ('read', 'create', 'update', 'delete', 'export', 'import', 'disclose', 'login', 'login_failed', 'logout'));
