-- Issue 20. Accounts and sessions keep their owner, as habits, goals and conversations do (V1):
-- moving an accounts row to another user handed that user the victim's OAuth tokens, and moving
-- a sessions row would log them in as someone else's session.
CREATE TRIGGER accounts_owner_fixed BEFORE UPDATE OF user_id ON accounts
  FOR EACH ROW EXECUTE FUNCTION habitcoach_forbid_owner_change();
CREATE TRIGGER sessions_owner_fixed BEFORE UPDATE OF user_id ON sessions
  FOR EACH ROW EXECUTE FUNCTION habitcoach_forbid_owner_change();

-- OAuth token ciphertexts are now bound to their owner too (the associated data names user_id).
-- Rows written before this release are bound to the row and column only: false here, until
-- AccountService.reencryptTokens rewrites them. The default stays false so that a node of the
-- previous release, during a rolling upgrade, writes rows that say what they are.
ALTER TABLE accounts ADD COLUMN token_owner_bound boolean NOT NULL DEFAULT false;
