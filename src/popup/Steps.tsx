import type { RunView } from '../shared/runs';
import { stepLabel } from './words';
import { t } from '../shared/i18n';

function took(step: RunView['steps'][number]): string {
  if (step.startedAt === undefined || step.endedAt === undefined) return '';
  return `${((step.endedAt - step.startedAt) / 1000).toFixed(1)} s`;
}

const MARKS = { pending: '○', running: '◐', done: '●', failed: '✕', skipped: '–' } as const;

/** The run's steps, live: the current one marked, each with the time it took; one line once it succeeded (open on failure). */
export function Steps({ run }: { run: RunView }) {
  if (run.status === 'done' || run.status === 'choose-shop') {
    const seconds = (((run.endedAt ?? run.startedAt) - run.startedAt) / 1000).toFixed(1);
    return (
      <details class="steps-done">
        <summary>{t(run.kind === 'lookup' ? 'stepsChecked' : 'stepsDone', [seconds])}</summary>
        <StepList run={run} />
      </details>
    );
  }
  return <StepList run={run} />;
}

function StepList({ run }: { run: RunView }) {
  return (
    <ol class="steps" aria-label={t('progress')}>
      {run.steps.map((step) => (
        <li key={step.id} class={`step step-${step.state}`} aria-current={step.state === 'running' ? 'step' : undefined}>
          <span class="step-mark" aria-hidden="true">
            {MARKS[step.state]}
          </span>
          <span class="step-label">{stepLabel(step.id)}</span>
          <span class="step-time">{step.state === 'skipped' ? step.note ?? '' : took(step)}</span>
          {step.note && step.state !== 'skipped' ? <span class="step-note">{step.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
