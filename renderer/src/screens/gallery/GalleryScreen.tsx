import { useProjects, useRoute, useServices } from '../../app/services';
import { hasCommand } from '../../bridge/capabilities';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { GalleryView } from './GalleryView';

export function GalleryScreen() {
  const { route } = useServices();
  const projectId = useRoute((s) => s.route.projectId);
  const project = useProjects((s) => s.projects.find((p) => p.id === projectId) ?? null);
  const title = project ? `Gallery · ${project.name}` : 'Gallery · all projects';
  // images.list, images.rate, images.delete land with couple portraits; until then say so.
  const available = hasCommand('images.list');

  return (
    <section className="screen gallery" aria-labelledby="gallery-title">
      <header className="screen-header">
        <h1 id="gallery-title">{title}</h1>
      </header>
      {available ? (
        <GalleryView onDeleteCommitted={() => undefined} onRemix={() => route.getState().go('session')} onGenerate={() => route.getState().go('session')} />
      ) : (
        <div className="gallery-body">
          <EmptyState icon="gallery" title="Your portraits will live here" testId="gallery-unavailable" action={<Button onClick={() => route.getState().go('session')}>Go to the session</Button>}>
            Every draft, refined, upscaled and exported image of {project ? 'this project' : 'every project'}, with ratings, favourites and where each came from. The gallery fills once couple portraits can be generated.
          </EmptyState>
        </div>
      )}
    </section>
  );
}
