// The words for a step, in one place: the sentence for a hop and for the
// outcome, the badge at the device, the card's lines and what changed on
// them, the note beside a dropped card, why there is no reply, the build-up
// and the load shares. Pure functions of the talk's data and the simulator's
// traces: the scene, the caption, the presenter view and the trace table read
// them from here.
export * from './build';
export * from './card';
export * from './hop';
export * from './names';
export * from './reply';
export * from './shares';
export * from './step';
