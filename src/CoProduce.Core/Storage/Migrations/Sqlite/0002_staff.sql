-- 0002 staff: organisations, staff accounts (Identity tables), consultation owners and approval,
-- analyst assignments, the staff audit log and API tokens.
-- Written from GenerateCreateScript() of CoProduceDbContext and StaffIdentityDbContext; the schema
-- tests (Core and Server) keep it equal to the models.

CREATE TABLE "organisations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_organisations" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "is_specialist" INTEGER NOT NULL,
    "is_by_and_for" INTEGER NOT NULL,
    "communities_served" TEXT NOT NULL,
    "is_small_or_sme" INTEGER NOT NULL,
    "area" TEXT NOT NULL,
    "welsh_language_offer" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "is_verified" INTEGER NOT NULL
);

CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_tokens" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" BLOB NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_used_on" TEXT NULL,
    "revoked_at" TEXT NULL
);

CREATE TABLE "audit_entries" (
    "id" TEXT NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY,
    "occurred_at" TEXT NOT NULL,
    "actor_user_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL
);

CREATE TABLE "consultation_analysts" (
    "consultation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_consultation_analysts" PRIMARY KEY ("consultation_id", "user_id"),
    CONSTRAINT "fk_consultation_analysts_consultations" FOREIGN KEY ("consultation_id") REFERENCES "consultations" ("id") ON DELETE CASCADE
);

ALTER TABLE "consultations" ADD COLUMN "owner_organisation_id" TEXT NULL CONSTRAINT "fk_consultations_organisations" REFERENCES "organisations" ("id") ON DELETE RESTRICT;

ALTER TABLE "consultations" ADD COLUMN "submitted_for_approval_by" TEXT NULL;

CREATE UNIQUE INDEX "ix_api_tokens_token_hash" ON "api_tokens" ("token_hash");

CREATE INDEX "ix_api_tokens_user_id" ON "api_tokens" ("user_id");

CREATE INDEX "ix_audit_entries_occurred_at" ON "audit_entries" ("occurred_at");

CREATE INDEX "ix_audit_entries_subject_type_subject_id" ON "audit_entries" ("subject_type", "subject_id");

CREATE INDEX "ix_consultation_analysts_user_id" ON "consultation_analysts" ("user_id");

CREATE UNIQUE INDEX "ix_organisations_name" ON "organisations" ("name");

CREATE INDEX "ix_consultations_owner_organisation_id" ON "consultations" ("owner_organisation_id");

-- Staff accounts (ASP.NET Core Identity, mapped by the host's StaffIdentityDbContext; no roles tables).

CREATE TABLE "staff_users" (
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
    "access_failed_count" INTEGER NOT NULL
);

CREATE TABLE "staff_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_staff_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_staff_user_claims_staff_users" FOREIGN KEY ("user_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "staff_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_staff_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_staff_user_logins_staff_users" FOREIGN KEY ("user_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "staff_user_passkeys" (
    "credential_id" BLOB NOT NULL CONSTRAINT "pk_staff_user_passkeys" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    CONSTRAINT "fk_staff_user_passkeys_staff_users" FOREIGN KEY ("user_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "staff_user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_staff_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_staff_user_tokens_staff_users" FOREIGN KEY ("user_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_staff_user_claims_user_id" ON "staff_user_claims" ("user_id");

CREATE INDEX "ix_staff_user_logins_user_id" ON "staff_user_logins" ("user_id");

CREATE INDEX "ix_staff_user_passkeys_user_id" ON "staff_user_passkeys" ("user_id");

CREATE INDEX "ix_staff_users_normalized_email" ON "staff_users" ("normalized_email");

CREATE UNIQUE INDEX "ix_staff_users_normalized_user_name" ON "staff_users" ("normalized_user_name");

CREATE INDEX "ix_staff_users_organisation_id" ON "staff_users" ("organisation_id");
