-- How a group's decision on a returned finding stands (issue 11), agreed in the session's
-- participation contract: the latest member's, a majority's, or everyone's. Each version keeps
-- its own rule; the standard first version says one member.
ALTER TABLE session_contracts ADD COLUMN decision_rule text NOT NULL DEFAULT 'one_member'
  CHECK (decision_rule IN ('one_member', 'majority', 'everyone'));

-- A final finding's texts as they were made final: the document may still change, they do not.
ALTER TABLE findings ADD COLUMN final_statement text;
ALTER TABLE findings ADD COLUMN final_characteristics text;
ALTER TABLE findings ADD COLUMN final_questions text;
