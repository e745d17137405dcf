-- CreateTable
CREATE TABLE "GroupAnswer" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "occasion" VARCHAR(20) NOT NULL,
    "mood" INTEGER,
    "answers" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "flowId" VARCHAR(40) NOT NULL DEFAULT 'checkin',
    "days" INTEGER NOT NULL,
    "minuteOfDay" INTEGER NOT NULL,
    "timeZone" VARCHAR(64) NOT NULL,
    "quietStart" INTEGER,
    "quietEnd" INTEGER,
    "pausedUntil" TIMESTAMP(3),
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "nextRunAt" TIMESTAMP(3),
    "lastOccasion" VARCHAR(20),
    "queuedAt" TIMESTAMP(3),
    "reminderAt" TIMESTAMP(3),
    "reminderOccasion" VARCHAR(20),
    "reminderQueuedAt" TIMESTAMP(3),
    "unreachable" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Community" (
    "id" UUID NOT NULL,
    "platform" VARCHAR(20) NOT NULL,
    "externalId" VARCHAR(100) NOT NULL,
    "channelId" VARCHAR(100),
    "days" INTEGER NOT NULL DEFAULT 127,
    "minuteOfDay" INTEGER,
    "timeZone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "nextRunAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3),
    "lastOccasion" VARCHAR(20),
    "summaryAt" TIMESTAMP(3),
    "summaryOccasion" VARCHAR(20),
    "summaryQueuedAt" TIMESTAMP(3),
    "questions" JSONB NOT NULL,
    "invitation" VARCHAR(300),
    "exercises" TEXT[],
    "crisisRegion" VARCHAR(2),
    "supporterRoleId" VARCHAR(40),
    "moderatorRoleId" VARCHAR(40),
    "language" VARCHAR(8) NOT NULL DEFAULT 'en',
    "summaries" BOOLEAN NOT NULL DEFAULT true,
    "summaryMinimum" INTEGER NOT NULL DEFAULT 3,
    "groupBreathing" BOOLEAN NOT NULL DEFAULT true,
    "alertModerators" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "actor" VARCHAR(100) NOT NULL,
    "field" VARCHAR(40) NOT NULL,
    "value" VARCHAR(400) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GroupAnswer_communityId_occasion_idx" ON "GroupAnswer"("communityId", "occasion");

-- CreateIndex
CREATE UNIQUE INDEX "GroupAnswer_personId_communityId_occasion_key" ON "GroupAnswer"("personId", "communityId", "occasion");

-- CreateIndex
CREATE UNIQUE INDEX "Schedule_personId_key" ON "Schedule"("personId");

-- CreateIndex
CREATE INDEX "Schedule_nextRunAt_idx" ON "Schedule"("nextRunAt");

-- CreateIndex
CREATE INDEX "Schedule_reminderAt_idx" ON "Schedule"("reminderAt");

-- CreateIndex
CREATE INDEX "Community_nextRunAt_idx" ON "Community"("nextRunAt");

-- CreateIndex
CREATE INDEX "Community_summaryAt_idx" ON "Community"("summaryAt");

-- CreateIndex
CREATE UNIQUE INDEX "Community_platform_externalId_key" ON "Community"("platform", "externalId");

-- CreateIndex
CREATE INDEX "AuditEntry_communityId_at_idx" ON "AuditEntry"("communityId", "at");

-- AddForeignKey
ALTER TABLE "GroupAnswer" ADD CONSTRAINT "GroupAnswer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAnswer" ADD CONSTRAINT "GroupAnswer_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
