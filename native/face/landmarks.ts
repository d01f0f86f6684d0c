// Named indices into the 468-point MediaPipe face mesh (and the 10 iris points after it).
// "Right" and "left" are the person's own: their right eye is on the image's left in an unmirrored photo.

export const MESH_POINTS = 468;
export const IRIS_POINTS = 10;

export const RIGHT_EYE_OUTER = 33;
export const RIGHT_EYE_INNER = 133;
export const LEFT_EYE_OUTER = 263;
export const LEFT_EYE_INNER = 362;
/** Upper/lower lid pairs across each eye, outer to inner, for the eye aspect ratio. */
export const RIGHT_EYE_LIDS: [number, number][] = [[160, 144], [159, 145], [158, 153]];
export const LEFT_EYE_LIDS: [number, number][] = [[387, 373], [386, 374], [385, 380]];
export const NOSE_TIP = 4;
export const FOREHEAD = 10;
export const CHIN = 152;
export const MOUTH_RIGHT = 61;
export const MOUTH_LEFT = 291;
/** The face outline (jaw and forehead), to test whether the face is inside the frame. */
export const FACE_OVAL = [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109];
/** Index of the iris centre among the 478 points, for each eye. */
export const RIGHT_IRIS_CENTER = 468;
export const LEFT_IRIS_CENTER = 473;
