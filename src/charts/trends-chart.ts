import type { ChartConfiguration } from 'chart.js';
import type { TrendPoint } from '../insights/trends.js';

/*
 * chart.js and the native canvas are loaded on the first /trends, not at start: together they hold about 20 MB
 * that most processes never use (bench/memory.ts measures it).
 */
let libraries: Promise<{ createCanvas: typeof import('@napi-rs/canvas').createCanvas; Chart: typeof import('chart.js').Chart }> | undefined;

function loadLibraries() {
  libraries ??= Promise.all([import('@napi-rs/canvas'), import('chart.js')]).then(([canvas, chart]) => {
    chart.Chart.register(...chart.registerables);
    return { createCanvas: canvas.createCanvas, Chart: chart.Chart };
  });
  // A failed load is tried again on the next /trends rather than remembered.
  libraries.catch(() => (libraries = undefined));
  return libraries;
}

const WIDTH = 900;
const HEIGHT = 460;

/**
 * A PNG line chart of mood, craving, stress and sleep over the last `days` days, rendered locally (chart.js on
 * @napi-rs/canvas): nothing leaves the machine.
 */
export async function renderTrendsChart(points: readonly TrendPoint[], days: number, now: number): Promise<Uint8Array> {
  const { createCanvas, Chart } = await loadLibraries();
  const since = now - days * 86_400_000;
  const inside = points.filter((p) => p.at.getTime() > since);
  const labels = inside.map((p) => p.at.toISOString().slice(5, 10));
  const canvas = createCanvas(WIDTH, HEIGHT);
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'Mood (1-5)', data: inside.map((p) => p.mood), borderColor: '#2f7d5b', backgroundColor: '#2f7d5b', yAxisID: 'small', cubicInterpolationMode: 'monotone' },
        { label: 'Stress (1-5)', data: inside.map((p) => p.stress), borderColor: '#c07a12', backgroundColor: '#c07a12', yAxisID: 'small', cubicInterpolationMode: 'monotone' },
        { label: 'Craving (0-10)', data: inside.map((p) => p.craving), borderColor: '#b3364a', backgroundColor: '#b3364a', yAxisID: 'large', cubicInterpolationMode: 'monotone' },
        { label: 'Sleep (hours)', data: inside.map((p) => p.sleepHours), borderColor: '#3b5ba9', backgroundColor: '#3b5ba9', yAxisID: 'large', cubicInterpolationMode: 'monotone', spanGaps: true },
      ],
    },
    options: {
      responsive: false,
      animation: false,
      plugins: {
        title: { display: true, text: `Your check-ins, last ${days} days`, font: { size: 18 } },
        legend: { position: 'bottom' },
      },
      scales: {
        small: { type: 'linear', position: 'left', min: 1, max: 5, title: { display: true, text: 'mood, stress' } },
        large: { type: 'linear', position: 'right', min: 0, max: 12, grid: { drawOnChartArea: false }, title: { display: true, text: 'craving, sleep' } },
      },
    },
    plugins: [
      {
        id: 'white-background',
        beforeDraw: (chart) => {
          const ctx = chart.ctx;
          ctx.save();
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, chart.width, chart.height);
          ctx.restore();
        },
      },
    ],
  };
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return new Uint8Array(await canvas.encode('png'));
  } finally {
    chart.destroy();
  }
}
