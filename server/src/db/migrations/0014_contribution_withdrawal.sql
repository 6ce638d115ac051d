-- A participant may withdraw their own session post (the participation contract promises it):
-- the row stays, so cards quoting it can show as withdrawn; its text is shown to nobody else.
ALTER TABLE stage_contributions ADD COLUMN withdrawn_at timestamptz;
