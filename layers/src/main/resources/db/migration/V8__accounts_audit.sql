-- Accounts, sessions and the audit log (issue 7).

CREATE TABLE app_user (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login                 text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9._-]{3,64}$'),
    display_name          text NOT NULL,
    password_hash         text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    municipality_code     text NOT NULL CHECK (municipality_code ~ '^[0-9]{5,6}$'),
    failed_logins         integer NOT NULL DEFAULT 0,
    locked_until          timestamptz,
    disabled              boolean NOT NULL DEFAULT false,
    sessions_valid_after  timestamptz NOT NULL DEFAULT now(),  -- "log out everywhere" moves it forward
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- A role, for the whole municipality (district_id NULL) or one district; a supporter account names
-- the supporter (person or organisation) it acts for.
CREATE TABLE user_role (
    user_id       bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role          text NOT NULL CHECK (role IN
                      ('admin', 'hq', 'planner', 'dispatcher', 'supporter', 'shelter_staff', 'case_worker')),
    district_id   integer REFERENCES district (id),
    supporter_id  bigint REFERENCES supporter (id),
    CHECK (role <> 'supporter' OR supporter_id IS NOT NULL)
);
CREATE UNIQUE INDEX user_role_unique_idx ON user_role (user_id, role, coalesce(district_id, 0));

-- Sessions: the cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE user_session (
    token_hash    bytea PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Every read or change of personal data: who, what, why, when, from where. Each entry carries the
-- SHA-256 of the previous entry's hash and its own content, so an edited or removed entry breaks
-- the chain from there on; triggers refuse UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_log (
    seq             bigint PRIMARY KEY,
    at              timestamptz NOT NULL,
    user_id         bigint,
    login           text,
    action          text NOT NULL CHECK (action IN
                        ('read', 'create', 'update', 'delete', 'export', 'disclose', 'login', 'login_failed', 'logout')),
    purpose         text NOT NULL,
    record_type     text NOT NULL,
    record_ids      bigint[] NOT NULL DEFAULT '{}',
    client_address  text,
    prev_hash       bytea NOT NULL,
    hash            bytea NOT NULL
);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
CREATE INDEX audit_log_records_idx ON audit_log USING gin (record_ids);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
