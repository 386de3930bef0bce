-- 0005 staff users belong to an existing organisation: a foreign key from staff_users.organisation_id
-- to organisations (no cascade). SQLite cannot add a constraint to a table, so the table is rebuilt
-- (https://sqlite.org/lang_altertable.html#otheralter). The migrator runs SQLite migrations with
-- foreign keys off and checks them (PRAGMA foreign_key_check) before committing, so the rebuild does
-- not cascade into the tables that reference staff_users, and an account pointing at a missing
-- organisation stops the migration instead of being kept.

CREATE TABLE "staff_users_0005" (
    "id" TEXT NOT NULL CONSTRAINT "pk_staff_users" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "roles" INTEGER NOT NULL,
    "is_disabled" INTEGER NOT NULL,
    "must_change_password" INTEGER NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "fk_staff_users_organisations" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

INSERT INTO "staff_users_0005" (
    "id", "organisation_id", "display_name", "roles", "is_disabled", "must_change_password", "user_name",
    "normalized_user_name", "email", "normalized_email", "email_confirmed", "password_hash", "security_stamp",
    "concurrency_stamp", "phone_number", "phone_number_confirmed", "two_factor_enabled", "lockout_end",
    "lockout_enabled", "access_failed_count")
SELECT
    "id", "organisation_id", "display_name", "roles", "is_disabled", "must_change_password", "user_name",
    "normalized_user_name", "email", "normalized_email", "email_confirmed", "password_hash", "security_stamp",
    "concurrency_stamp", "phone_number", "phone_number_confirmed", "two_factor_enabled", "lockout_end",
    "lockout_enabled", "access_failed_count"
FROM "staff_users";

DROP TABLE "staff_users";

ALTER TABLE "staff_users_0005" RENAME TO "staff_users";

CREATE INDEX "ix_staff_users_normalized_email" ON "staff_users" ("normalized_email");

CREATE UNIQUE INDEX "ix_staff_users_normalized_user_name" ON "staff_users" ("normalized_user_name");

CREATE INDEX "ix_staff_users_organisation_id" ON "staff_users" ("organisation_id");
