-- AlterTable
ALTER TABLE "CheckIn" ALTER COLUMN "emotionOther" SET DATA TYPE TEXT;
