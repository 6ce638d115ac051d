-- A peer group decides who joins it (issue 9). 'pending': proposed by a facilitator or an admin
-- (or invited) into another group's space; no access until a member of the group accepts.
ALTER TABLE space_members DROP CONSTRAINT space_members_kind_check;
ALTER TABLE space_members ADD CONSTRAINT space_members_kind_check
  CHECK (kind IN ('member', 'guarantor', 'pending'));

-- Facilitators guarantee a peer space, they are never its members.
WITH changed AS (
  UPDATE space_members sm SET kind = 'guarantor'
  FROM spaces s, memberships m
  WHERE s.id = sm.space_id AND m.initiative_id = s.initiative_id AND m.account_id = sm.account_id
    AND sm.kind = 'member' AND m.role = 'facilitator'
  RETURNING s.initiative_id, sm.space_id, sm.account_id
)
INSERT INTO audit_log (initiative_id, actor_id, action, details)
SELECT initiative_id, NULL, 'space.assign',
  jsonb_build_object('spaceId', space_id, 'accountId', account_id, 'as', 'guarantor')
FROM changed;

-- Members put into another group's built-in space without its say now wait for the group.
WITH changed AS (
  UPDATE space_members sm SET kind = 'pending'
  FROM spaces s, memberships m
  WHERE s.id = sm.space_id AND m.initiative_id = s.initiative_id AND m.account_id = sm.account_id
    AND sm.kind = 'member'
    AND ((s.kind = 'lived_experience' AND m.role <> 'expert_by_experience')
      OR (s.kind = 'practitioners' AND m.role <> 'practitioner'))
  RETURNING s.initiative_id, sm.space_id, sm.account_id
)
INSERT INTO audit_log (initiative_id, actor_id, action, details)
SELECT initiative_id, NULL, 'space.join_request',
  jsonb_build_object('spaceId', space_id, 'accountId', account_id)
FROM changed;
