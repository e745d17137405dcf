-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "crisisRegion" VARCHAR(2);
