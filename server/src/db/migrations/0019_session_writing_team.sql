-- The mixed writing team of a session (issue 11, MK-8): chosen in the session by its
-- facilitators from the people of every group taking part; they alone (with the facilitators)
-- write the session's final text. Replaces the initiative-wide "working group" flag for sessions.
CREATE TABLE session_writing_team (
  session_id uuid NOT NULL REFERENCES method_sessions (id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id),
  chosen_by uuid NOT NULL REFERENCES accounts (id),
  chosen_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (session_id, account_id)
);
