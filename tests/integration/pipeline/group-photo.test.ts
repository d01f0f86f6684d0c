// A person picked in a group photo is cut out alone: the friend whose hair and shoulder touch
// her in the segmentation matte stays behind (real photo: face-api sample6, the woman on the left,
// whose neighbour leans on her shoulder).
import { describe, expect, it } from 'vitest';
import { analyzeForPortrait, closePipelineModels, openPipelineModels } from '../../../electron/app/pipeline';
import { faceSpot, preparePerson } from '../../../native/compose/person';
import { loadSubject, resolveSubjects } from '../../../electron/app/pipeline/project/subjects';
import { photoPath } from '../../fixtures/face/photos';
import { call, sampleB, tempLibrary } from './helpers';

describe('a person from a group photo', () => {
  it('knows the other faces in the photo and keeps them out of the cut-out', async () => {
    const models = openPipelineModels();
    const a = await analyzeForPortrait(photoPath('face-api/sample6'), { models, label: 'person A', faceIndex: 0 }).finally(() => closePipelineModels(models));
    expect(a.neighbours.length).toBe(a.analysis.faces.length - 1);
    const nearest = a.neighbours.reduce((n, b) => (Math.abs(b.x - a.face.box.x) < Math.abs(n.x - a.face.box.x) ? b : n));
    const measure = (neighbours: typeof a.neighbours) => {
      const p = preparePerson({ photo: a.photo, face: a.face, matte: a.matte, neighbours }, 0.5);
      const value = (box: typeof nearest) => {
        const s = faceSpot(box, 1 / p.scale);
        return p.matte.data[Math.round(s.y) * p.matte.width + Math.round(s.x)];
      };
      return { own: value(a.face.box), friend: value(nearest) };
    };
    const alone = measure(a.neighbours);
    expect(alone.own).toBeGreaterThan(0.9);
    expect(alone.friend).toBeLessThan(0.05);
    // Without the other faces the matte does reach the friend's face: the split is what removes her.
    expect(measure([]).friend).toBeGreaterThan(0.5);
  });

  it('in a project, the chosen face is loaded with the other faces of its photo as neighbours', async () => {
    const lib = tempLibrary();
    try {
      const project = await call(lib.services, 'projects.create', { name: 'Group', kind: 'couple' });
      const group = await call(lib.services, 'photos.import', { projectId: project.id, role: 'a', path: photoPath('face-api/sample6') });
      await call(lib.services, 'photos.import', { projectId: project.id, role: 'b', path: sampleB });
      expect(group.faces.length).toBeGreaterThan(1);
      const [refA, refB] = await resolveSubjects(lib.services, await lib.services.pipelineModels(), project.id);
      const a = await loadSubject(lib.services, refA);
      expect(a.neighbours).toHaveLength(group.faces.length - 1);
      expect(a.neighbours).not.toContainEqual(a.face.box);
      expect((await loadSubject(lib.services, refB)).neighbours).toEqual([]);
    } finally {
      await lib.dispose();
    }
  });
});
