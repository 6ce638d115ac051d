-- People, initiatives, spaces, invitations and the audit log (issue 3).

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  handle text NOT NULL UNIQUE CHECK (handle = lower(handle)),
  display_name text NOT NULL,
  email text,
  passphrase_hash text NOT NULL,
  is_instance_admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of the
-- database does not let anyone sign in as someone else.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  handle text NOT NULL,
  address text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_handle ON login_attempts (handle, at);
CREATE INDEX login_attempts_address ON login_attempts (address, at);

CREATE TABLE initiatives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  problem text NOT NULL,
  languages text[] NOT NULL,
  created_by uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE spaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('lived_experience', 'practitioners', 'peer', 'synthesis')),
  name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Exactly one synthesis space and one of each built-in peer space per initiative.
CREATE UNIQUE INDEX spaces_one_builtin_kind ON spaces (initiative_id, kind) WHERE kind <> 'peer';

CREATE TABLE memberships (
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id),
  role text NOT NULL CHECK (role IN ('expert_by_experience', 'practitioner', 'academic', 'facilitator', 'researcher', 'admin')),
  sector text NOT NULL CHECK (sector IN ('public', 'business', 'third_sector', 'philanthropy', 'community', 'academia')),
  in_working_group boolean NOT NULL DEFAULT false,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (initiative_id, account_id)
);

-- 'member' works in the space; 'guarantor' is a facilitator assigned to it.
CREATE TABLE space_members (
  space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id),
  kind text NOT NULL CHECK (kind IN ('member', 'guarantor')),
  PRIMARY KEY (space_id, account_id)
);
CREATE INDEX space_members_account ON space_members (account_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  role text NOT NULL,
  sector text NOT NULL,
  space_id uuid REFERENCES spaces (id) ON DELETE CASCADE,
  created_by uuid NOT NULL REFERENCES accounts (id),
  expires_at timestamptz NOT NULL,
  max_uses integer NOT NULL CHECK (max_uses > 0),
  uses integer NOT NULL DEFAULT 0 CHECK (uses <= max_uses),
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  initiative_id uuid REFERENCES initiatives (id),
  actor_id uuid REFERENCES accounts (id),
  action text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_initiative ON audit_log (initiative_id, id DESC);

-- Append-only, whatever the application does.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- One-time link that creates the first admin of an empty instance.
ALTER TABLE instance ADD COLUMN setup_token_hash text;
