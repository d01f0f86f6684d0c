// A couple (or client) session: two people's selfies, a theme, drafts, upscale and compare.
import { useEffect, useRef, useState } from 'react';
import { useServices, useSession } from '../../app/services';
import { hasCommand } from '../../bridge/capabilities';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { randomSeed } from '../../stores/session';
import { CompareView } from '../compare/CompareView';
import type { Project } from '../../bridge/types';
import { SessionHeader } from './SessionHeader';
import { DraftsGrid } from './DraftsGrid';
import { GeneratePanel } from './GeneratePanel';
import { useDiffusionModel } from './useDiffusionModel';
import { PeopleColumn } from './PeopleColumn';
import { ThemePicker } from './ThemePicker';
import { useSessionData } from './useSessionData';
import { JobProgress } from './JobProgress';

// What each part of the session waits for, in the user's words. Removed as the commands land.
const WAITING = {
  import: 'Photo import arrives with the face analysis update.',
  themes: 'The theme gallery arrives with couple portraits. Each theme will show a preview, a one-line description and its aspect.',
  drafts: 'Drafts appear here: 4 or 8 per run, each with a likeness score per person; drafts that do not look like both people are greyed out with the reason.',
};

export function CoupleSession({ projectId, project }: { projectId: string; project: Project | null }) {
  const { session } = useServices();
  const state = useSession((s) => s);
  const [comparing, setComparing] = useState(false);
  const data = useSessionData(project ? projectId : null);
  const diffusionInstalled = useDiffusionModel();
  const draftsPanel = useRef<HTMLDivElement>(null);
  const generationDone = data.generation?.status === 'done';
  // New drafts are what the user waited for: bring them into view.
  useEffect(() => {
    if (generationDone) draftsPanel.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [generationDone]);

  const importReason = hasCommand('photos.import') ? null : WAITING.import;
  const photosOf = (person: 'A' | 'B') => state.photos.filter((p) => p.person === person);
  const blockedReason = data.generation && (data.generation.status === 'running' || data.generation.status === 'queued')
    ? 'Drafts are rendering.'
    : !hasCommand('generations.create')
    ? 'Generating arrives with couple portraits.'
    : photosOf('A').length === 0 || photosOf('B').length === 0
      ? 'Add a selfie of each person first.'
      : !state.themeId
        ? 'Pick a theme first.'
        : null;
  const selectedDrafts = state.drafts.filter((d) => state.selectedDrafts.includes(d.id) && d.url);

  return (
    <section className="screen session" aria-labelledby="session-title">
      <SessionHeader project={project} />

      <div className="session-layout">
        <PeopleColumn label="Person" photos={state.photos} showMesh={state.showMesh} importing={data.importing} importReason={importReason} onFiles={data.importFiles} onPickFace={data.chooseFace} />

        <div className="work-column">
          <div className="panel">
            <h2 className="panel-title">Theme</h2>
            <ThemePicker
              themes={data.themes}
              selected={state.themeId}
              onPick={(id) => session.getState().pickTheme(id)}
              onThemesChanged={data.reloadThemes}
              unavailableReason={!hasCommand('themes.list') ? WAITING.themes : data.themes.length === 0 ? 'No themes are installed: themes/ holds one JSON file per theme.' : null}
            />
          </div>

          <div className="panel">
            <GeneratePanel
              count={state.count}
              seed={state.seed}
              reuseSeed={state.reuseSeed}
              blockedReason={blockedReason}
              onCount={(count) => session.getState().setCount(count)}
              onSeed={(seed) => session.getState().setSeed(seed)}
              onReuseSeed={(reuse) => session.getState().setReuseSeed(reuse)}
              onRandomSeed={() => session.getState().setSeed(randomSeed())}
              onGenerate={(options) => void data.generate(options)}
              refineDefault={data.themes.find((t) => t.id === state.themeId)?.refineStrength ?? null}
              diffusionInstalled={diffusionInstalled}
            />
            {data.generation && <JobProgress job={data.generation} label="Drafts" doneText="Drafts ready." workingText="Rendering drafts…" />}
          </div>

          <div className="panel panel-grow" ref={draftsPanel}>
            <div className="panel-head">
              <h2 className="panel-title">Drafts</h2>
              <div className="panel-tools">
                <Button disabled={selectedDrafts.length === 0 || !hasCommand('images.upscale')} data-testid="upscale-2k" onClick={() => void data.upscale('2k')}>
                  Upscale 2K
                </Button>
                <Button disabled={selectedDrafts.length === 0 || !hasCommand('images.upscale')} data-testid="upscale-4k" onClick={() => void data.upscale('4k')}>
                  Upscale 4K
                </Button>
                <Button disabled={selectedDrafts.length === 0 || !hasCommand('images.refine')} data-testid="refine" title="Refine arrives with the diffusion model; it needs one installed">
                  Refine
                </Button>
                <Button icon="compare" disabled={selectedDrafts.length !== 2} data-testid="compare" title="Select two drafts to compare" onClick={() => setComparing(true)}>
                  Compare
                </Button>
              </div>
            </div>
            {state.drafts.length === 0 ? (
              <EmptyState icon="image" title="No drafts yet" testId="drafts-empty">
                {hasCommand('generations.create') ? 'Add a selfie of each person, pick a theme and press Generate. ' : ''}
                {WAITING.drafts}
              </EmptyState>
            ) : (
              <DraftsGrid drafts={state.drafts} selected={state.selectedDrafts} aspect={4 / 5} onToggle={(id) => session.getState().toggleDraft(id)} />
            )}
          </div>
        </div>
      </div>

      {comparing && selectedDrafts.length === 2 && selectedDrafts[0].url && selectedDrafts[1].url && (
        <CompareView
          left={{ url: selectedDrafts[0].url, label: `Seed ${selectedDrafts[0].seed}` }}
          right={{ url: selectedDrafts[1].url, label: `Seed ${selectedDrafts[1].seed}` }}
          onClose={() => setComparing(false)}
        />
      )}
    </section>
  );
}
