-- 0001 initial: consultations, drafts, responses, and the forms-of-violence reference data.
-- Written from GenerateCreateScript() for the model; StorageSchemaTests keep it equal to the model.

CREATE TABLE "consultations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_consultations" PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "questionnaire" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "opens_at" TEXT NOT NULL,
    "closes_at" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "requires_approval" INTEGER NOT NULL,
    "approved_on" TEXT NULL,
    "status" TEXT NOT NULL
);

CREATE TABLE "forms_of_violence" (
    "code" TEXT NOT NULL CONSTRAINT "pk_forms_of_violence" PRIMARY KEY,
    "jurisdiction" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_cy" TEXT NOT NULL
);

CREATE TABLE "drafts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_drafts" PRIMARY KEY,
    "consultation_id" TEXT NOT NULL,
    "session_token_hash" BLOB NOT NULL,
    "resume_code_hash" BLOB NULL,
    "last_saved_on" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "skipped_sections" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "submitted" INTEGER NOT NULL,
    CONSTRAINT "fk_drafts_consultations" FOREIGN KEY ("consultation_id") REFERENCES "consultations" ("id") ON DELETE CASCADE
);

CREATE TABLE "responses" (
    "id" TEXT NOT NULL CONSTRAINT "pk_responses" PRIMARY KEY,
    "consultation_id" TEXT NOT NULL,
    "receipt_code_hash" BLOB NOT NULL,
    "submitted_on" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "skipped_sections" TEXT NOT NULL,
    CONSTRAINT "fk_responses_consultations" FOREIGN KEY ("consultation_id") REFERENCES "consultations" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_consultations_reference" ON "consultations" ("reference");

CREATE INDEX "ix_consultations_status_closes_at" ON "consultations" ("status", "closes_at");

CREATE INDEX "ix_drafts_consultation_id" ON "drafts" ("consultation_id");

CREATE UNIQUE INDEX "ix_drafts_resume_code_hash" ON "drafts" ("resume_code_hash");

CREATE UNIQUE INDEX "ix_drafts_session_token_hash" ON "drafts" ("session_token_hash");

CREATE INDEX "ix_responses_consultation_id" ON "responses" ("consultation_id");

CREATE UNIQUE INDEX "ix_responses_receipt_code_hash" ON "responses" ("receipt_code_hash");

-- Reference data (FormsOfViolence.England / FormsOfViolence.Wales); administrators may add rows.
INSERT INTO "forms_of_violence" ("code", "jurisdiction", "sort_order", "name_en", "name_cy") VALUES
    ('england.rape-sexual-offences', 'England', 1, 'Rape and other sexual offences', 'Trais rhywiol a throseddau rhywiol eraill'),
    ('england.stalking', 'England', 2, 'Stalking', 'Stelcio'),
    ('england.domestic-abuse', 'England', 3, 'Domestic abuse', 'Cam-drin domestig'),
    ('england.honour-based-abuse', 'England', 4, '''Honour''-based abuse (including female genital mutilation, forced marriage and ''honour'' killings)', 'Cam-drin ar sail ''anrhydedd'' (gan gynnwys anffurfio organau cenhedlu benywod, priodas dan orfod a lladd ar sail ''anrhydedd'')'),
    ('england.intimate-image-abuse', 'England', 5, '''Revenge porn'' (intimate image abuse)', '''Pornograffi dial'' (cam-drin delweddau personol)'),
    ('england.upskirting', 'England', 6, '''Upskirting''', '''Upskirting'' (tynnu lluniau o dan ddillad rhywun heb ganiatâd)'),
    ('england.child-sexual-abuse', 'England', 7, 'Child sexual abuse', 'Cam-drin plant yn rhywiol'),
    ('england.child-sexual-exploitation', 'England', 8, 'Child sexual exploitation', 'Camfanteisio''n rhywiol ar blant'),
    ('england.controlling-coercive-behaviour', 'England', 9, 'Controlling and coercive behaviour', 'Ymddygiad rheolaethol a gorfodol'),
    ('england.sexual-harassment', 'England', 10, 'Sexual harassment', 'Aflonyddu rhywiol'),
    ('england.online-offences', 'England', 11, 'Offences committed online', 'Troseddau a gyflawnir ar-lein'),
    ('wales.rape-sexual-assault', 'Wales', 1, 'Rape and sexual assault, including child sexual abuse', 'Trais rhywiol ac ymosodiad rhywiol, gan gynnwys cam-drin plant yn rhywiol'),
    ('wales.non-recent-child-sexual-abuse', 'Wales', 2, 'Non-recent child sexual abuse', 'Cam-drin plant yn rhywiol nad yw''n ddiweddar'),
    ('wales.domestic-abuse', 'Wales', 3, 'Domestic abuse', 'Cam-drin domestig'),
    ('wales.sexual-harassment', 'Wales', 4, 'Sexual harassment', 'Aflonyddu rhywiol'),
    ('wales.forced-marriage', 'Wales', 5, 'Forced marriage', 'Priodas dan orfod'),
    ('wales.fgm', 'Wales', 6, 'Female genital mutilation (FGM)', 'Anffurfio organau cenhedlu benywod (FGM)'),
    ('wales.sexual-exploitation', 'Wales', 7, 'Sexual exploitation, including through the sex industry', 'Camfanteisio rhywiol, gan gynnwys drwy''r diwydiant rhyw'),
    ('wales.trafficking-modern-slavery', 'Wales', 8, 'Trafficking and modern slavery', 'Masnachu pobl a chaethwasiaeth fodern'),
    ('wales.honour-based-violence', 'Wales', 9, 'So-called ''honour''-based violence', 'Trais ar sail ''anrhydedd'' fel y''i gelwir'),
    ('wales.stalking', 'Wales', 10, 'Stalking', 'Stelcio');
