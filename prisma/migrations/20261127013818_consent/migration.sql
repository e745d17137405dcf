-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "consentedAt" TIMESTAMP(3);
