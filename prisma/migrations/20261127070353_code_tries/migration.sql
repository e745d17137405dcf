-- CreateTable
CREATE TABLE "CodeTry" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CodeTry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CodeTry_personId_at_idx" ON "CodeTry"("personId", "at");

-- AddForeignKey
ALTER TABLE "CodeTry" ADD CONSTRAINT "CodeTry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
