import type { Scene, Slide, Step } from '../deck';
import type { DiagramHeading, DiagramProps } from '../scene/Diagram';

type SinceProps = Pick<DiagramProps, 'heading' | 'switchTag'>;
type SwitchScenesProp = Pick<DiagramProps, 'switchScenes'>;

const cache = new WeakMap<Slide, SinceProps[]>();

/**
 * What a since-2020 slide's diagram draws besides the talk's: its own title
 * and badge where a talk slide has its mode's title, and its switch as it
 * stands under the policy. Its step words go to the caption under the stage
 * rather than onto it. Empty on the talk's slides; one object per slide and
 * switch value, so the diagram's props compare equal between renders.
 */
export function sinceProps(slide: Slide, alt = 0): SinceProps {
  if (!slide.since) return {};
  let list = cache.get(slide);
  if (!list) {
    list = [];
    cache.set(slide, list);
  }
  let p = list[alt];
  if (!p) {
    const heading: DiagramHeading = {
      title: slide.title,
      badge: `${slide.since.badge.year} · ${slide.since.badge.label}`,
    };
    const value = slide.switch?.values[alt];
    p = {
      heading,
      ...(slide.switch && value
        ? {
            switchTag: {
              name: slide.switch.name,
              value: value.label,
              first: slide.switch.values[0]?.label ?? value.label,
            },
          }
        : {}),
    };
    list[alt] = p;
  }
  return p;
}

const scenesCache = new WeakMap<Step, SwitchScenesProp>();

/**
 * A step's scene under each value of its slide's own switch, the first as the
 * slide opens (the share chart's "was" and its scale); empty where the slide
 * has no switch. One object per step, so the diagram's props compare equal.
 */
export function switchScenesProp(step: Step): SwitchScenesProp {
  if (!step.scene || !step.alts) return {};
  let p = scenesCache.get(step);
  if (!p) {
    const scenes: readonly Scene[] = [step.scene, ...step.alts];
    p = { switchScenes: scenes };
    scenesCache.set(step, p);
  }
  return p;
}
