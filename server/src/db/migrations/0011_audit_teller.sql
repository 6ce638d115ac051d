-- The story whose teller took an action (issue 9): consent, withdrawal, restore, supporters, a
-- photo's consent, a version restored. The audit log shows these as made by "the teller" to
-- everyone but the teller, so it never unmasks a pseudonym or an anonymous teller.
ALTER TABLE audit_log ADD COLUMN teller_of uuid;

-- Entries written before: the teller's own actions on their story. The log stays append-only
-- for the application; only this one backfill writes to existing rows.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete;
UPDATE audit_log l SET teller_of = s.id
  FROM stories s
  WHERE l.details ->> 'storyId' = s.id::text
    AND l.actor_id = s.teller_id
    AND l.action IN ('story.consent', 'story.withdraw', 'story.restore', 'story.supporter_add',
                     'story.supporter_remove', 'photo.consent', 'story.restore_version');
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete;
