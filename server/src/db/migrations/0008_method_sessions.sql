-- The methods engine (issue 6): facilitators' adaptations of the built-in methods, and the
-- sessions that run a method stage by stage with its guarantees.

-- A copy of a method adapted by an initiative; the built-ins live in packages/methods.
CREATE TABLE initiative_methods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  definition jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX initiative_methods_initiative ON initiative_methods (initiative_id);

CREATE TABLE method_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  title text NOT NULL,
  -- The definition as it was when the session started: later adaptations do not move it.
  method jsonb NOT NULL,
  -- Whose success a Learning from Success session examines (NULL for a group's).
  owner_id uuid REFERENCES accounts (id),
  started_by uuid NOT NULL REFERENCES accounts (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  -- Under-representation alert: lived experience's share of words in the synthesis, in percent.
  alert_threshold integer NOT NULL DEFAULT 30 CHECK (alert_threshold BETWEEN 0 AND 100)
);
CREATE INDEX method_sessions_initiative ON method_sessions (initiative_id, started_at DESC);

-- The peer groups taking part, each a peer space, with the facilitators chosen for it.
CREATE TABLE session_groups (
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  space_id uuid NOT NULL REFERENCES spaces (id),
  PRIMARY KEY (session_id, space_id)
);
CREATE TABLE session_facilitators (
  session_id uuid NOT NULL,
  space_id uuid NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts (id),
  PRIMARY KEY (session_id, space_id, account_id),
  FOREIGN KEY (session_id, space_id) REFERENCES session_groups ON DELETE CASCADE
);
-- Who may speak "on behalf of" a group in the synthesis space.
CREATE TABLE session_representatives (
  session_id uuid NOT NULL,
  space_id uuid NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts (id),
  named_by uuid NOT NULL REFERENCES accounts (id),
  named_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, space_id, account_id),
  FOREIGN KEY (session_id, space_id) REFERENCES session_groups ON DELETE CASCADE
);

-- A stage that has been opened at least once; `round` counts its openings (validation rounds).
CREATE TABLE session_stages (
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  stage_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  round integer NOT NULL DEFAULT 1,
  -- An in-room timer the facilitator started, shown to everyone.
  timer_ends_at timestamptz,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, stage_id)
);
-- At most one open stage: the one participants are working in.
CREATE UNIQUE INDEX session_stages_one_open ON session_stages (session_id) WHERE status = 'open';

-- Every opening and closing, with the reason when an exit criterion was overridden.
CREATE TABLE session_stage_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  stage_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('opened', 'closed', 'reopened')),
  override_reason text,
  actor_id uuid NOT NULL REFERENCES accounts (id),
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX session_stage_events_session ON session_stage_events (session_id, at);

-- The collaborative documents of a session: a group's canvas for a stage (in its peer space),
-- the synthesis canvas (in the synthesis space), or the facilitators' notes (no space).
CREATE TABLE stage_canvases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  stage_id text NOT NULL,
  space_id uuid REFERENCES spaces (id),
  purpose text NOT NULL CHECK (purpose IN ('work', 'facilitator_notes')),
  UNIQUE NULLS NOT DISTINCT (session_id, stage_id, space_id, purpose)
);

-- A group's decision on its work in a round: kept whole, never merged away.
CREATE TABLE stage_validations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  stage_id text NOT NULL,
  space_id uuid NOT NULL REFERENCES spaces (id),
  round integer NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approve', 'changes', 'reject')),
  comment text NOT NULL DEFAULT '',
  decided_by uuid NOT NULL REFERENCES accounts (id),
  decided_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX stage_validations_stage ON stage_validations (session_id, stage_id, round);

-- What a group let cross into the synthesis space, and who decided; the items are copies of
-- the group's own text at the time of the release.
CREATE TABLE stage_releases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  stage_id text NOT NULL,
  space_id uuid NOT NULL REFERENCES spaces (id),
  decided_by uuid NOT NULL REFERENCES accounts (id),
  decided_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE stage_release_items (
  release_id uuid NOT NULL REFERENCES stage_releases (id) ON DELETE CASCADE,
  position integer NOT NULL,
  source_stage_id text NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (release_id, position)
);

-- Posts in a stage: contributions, clarifying questions and answers, practice claims and the
-- lived-experience group's responses to them, principles of action.
CREATE TABLE stage_contributions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  stage_id text NOT NULL,
  -- Where it is read: the author's group's space, or the synthesis space.
  space_id uuid NOT NULL REFERENCES spaces (id),
  author_id uuid NOT NULL REFERENCES accounts (id),
  -- The author's group in this session (NULL for a facilitator).
  author_group_id uuid REFERENCES spaces (id),
  on_behalf_of boolean NOT NULL DEFAULT false,
  kind text NOT NULL CHECK (kind IN ('post', 'question', 'answer', 'claim', 'response', 'principle')),
  body text NOT NULL,
  parent_id uuid REFERENCES stage_contributions (id),
  source_tags text[] NOT NULL DEFAULT '{}',
  confidence text CHECK (confidence IN ('low', 'medium', 'high')),
  stance text CHECK (stance IN ('confirm', 'contest', 'add')),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (NOT on_behalf_of OR author_group_id IS NOT NULL)
);
CREATE INDEX stage_contributions_stage ON stage_contributions (session_id, stage_id, created_at);

-- The owner of a success confirms a stage's work as faithful to their story.
CREATE TABLE stage_owner_confirmations (
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  stage_id text NOT NULL,
  round integer NOT NULL,
  confirmed_by uuid NOT NULL REFERENCES accounts (id),
  confirmed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (session_id, stage_id, round)
);

-- The participation contract (confidentiality, quoting, leaving), versioned per session. Version
-- 1 is Mizug's standard wording (NULL text: shown in each reader's language); later versions are
-- the facilitators' own.
CREATE TABLE session_contracts (
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  version integer NOT NULL,
  terms jsonb,
  written_by uuid NOT NULL REFERENCES accounts (id),
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, version)
);
CREATE TABLE contract_acceptances (
  session_id uuid NOT NULL,
  version integer NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts (id),
  accepted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, version, account_id),
  FOREIGN KEY (session_id, version) REFERENCES session_contracts ON DELETE CASCADE
);

-- Relationships of dependency a participant declares (client–caseworker, employee–employer):
-- such a pair should not share a working group without the dependent person's agreement.
CREATE TABLE dependency_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  declared_by uuid NOT NULL REFERENCES accounts (id),
  other_id uuid NOT NULL REFERENCES accounts (id),
  relation text NOT NULL CHECK (relation IN ('client_caseworker', 'employee_employer', 'tenant_landlord', 'family', 'other')),
  declared_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (initiative_id, declared_by, other_id),
  CHECK (declared_by <> other_id)
);
