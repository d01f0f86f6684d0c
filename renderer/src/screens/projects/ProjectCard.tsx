import { useServices } from '../../app/services';
import type { Project } from '../../bridge/types';
import { Icon } from '../../components/Icon';
import { formatCount, formatDay } from '../../lib/format';
import { KIND_LABEL } from './kinds';

interface ProjectCardProps {
  project: Project;
  onOpen: () => void;
  onRename: () => void;
  onDelete: () => void;
}

export function ProjectCard({ project, onOpen, onRename, onDelete }: ProjectCardProps) {
  const { bridge } = useServices();
  const cover = project.coverPath ? bridge.mediaUrl(project.id, project.coverPath) : null;
  return (
    <article className="project-card" data-testid="project-card" data-project-id={project.id}>
      <button type="button" className="project-open" onClick={onOpen} aria-label={`Open ${project.name}`}>
        <div className={`project-cover kind-${project.kind}`}>
          {cover ? (
            <img src={cover} alt="" loading="lazy" decoding="async" />
          ) : (
            <div className="project-cover-empty">
              <Icon name={project.kind === 'baby' ? 'heart' : 'session'} size={32} />
            </div>
          )}
          <span className={`kind-badge kind-${project.kind}`}>{KIND_LABEL[project.kind]}</span>
        </div>
        <div className="project-meta">
          <h3 className="project-name" data-testid="project-name">
            {project.name}
          </h3>
          <p className="project-facts">
            <span>{formatDay(project.updatedAt ?? project.createdAt)}</span>
            <span aria-hidden="true">·</span>
            <span data-testid="project-image-count">{formatCount(project.imageCount, 'image', 'images')}</span>
          </p>
        </div>
      </button>
      <div className="project-actions">
        <button type="button" className="icon-btn" data-testid="rename" title="Rename" aria-label={`Rename ${project.name}`} onClick={onRename}>
          <Icon name="edit" size={16} />
        </button>
        <button type="button" className="icon-btn danger" data-testid="delete" title="Delete" aria-label={`Delete ${project.name}`} onClick={onDelete}>
          <Icon name="trash" size={16} />
        </button>
      </div>
    </article>
  );
}
