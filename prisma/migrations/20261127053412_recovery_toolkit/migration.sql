-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "countFrom" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Plan" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "reasons" TEXT,
    "triggers" TEXT,
    "warningSigns" TEXT,
    "coping" TEXT,
    "people" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Slip" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "happened" TEXT,
    "before" TEXT,
    "need" VARCHAR(40),
    "repair" TEXT,
    "helper" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Slip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supporter" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "how" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "linkedPersonId" UUID,
    "linkedConversationId" UUID,
    "inviteCode" VARCHAR(12),
    "inviteExpiresAt" TIMESTAMP(3),
    "shownAs" TEXT,

    CONSTRAINT "Supporter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportRequest" (
    "id" UUID NOT NULL,
    "supporterId" UUID NOT NULL,
    "requesterConversationId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "reply" VARCHAR(20),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "repliedAt" TIMESTAMP(3),

    CONSTRAINT "SupportRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventPlan" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "what" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "timeZone" VARCHAR(64) NOT NULL,
    "withWhom" TEXT,
    "leaving" TEXT,
    "standby" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventCheckIn" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "queuedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EventCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "code" VARCHAR(12) NOT NULL,
    "personId" UUID NOT NULL,
    "platform" VARCHAR(20) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "Plan_personId_key" ON "Plan"("personId");

-- CreateIndex
CREATE INDEX "Slip_personId_createdAt_idx" ON "Slip"("personId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Supporter_inviteCode_key" ON "Supporter"("inviteCode");

-- CreateIndex
CREATE UNIQUE INDEX "Supporter_personId_position_key" ON "Supporter"("personId", "position");

-- CreateIndex
CREATE INDEX "EventPlan_personId_startsAt_idx" ON "EventPlan"("personId", "startsAt");

-- CreateIndex
CREATE INDEX "EventCheckIn_dueAt_idx" ON "EventCheckIn"("dueAt");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Slip" ADD CONSTRAINT "Slip_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supporter" ADD CONSTRAINT "Supporter_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPlan" ADD CONSTRAINT "EventPlan_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCheckIn" ADD CONSTRAINT "EventCheckIn_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "EventPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
