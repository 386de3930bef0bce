-- 0005 staff users belong to an existing organisation: a foreign key from staff_users.organisation_id
-- to organisations (no cascade: an organisation with staff cannot be deleted). Fails, and so stops the
-- start-up, if an account already points at a missing organisation; fix that row first.
ALTER TABLE staff_users
    ADD CONSTRAINT fk_staff_users_organisations FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT;
