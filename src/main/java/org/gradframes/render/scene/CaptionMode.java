package org.gradframes.render.scene;

/** Where each frame's caption goes. */
public enum CaptionMode {
  /** Nowhere (it is still in trace.json). */
  NONE,
  /** Below the graph, inside the picture. */
  BELOW,
  /** Into captions.txt beside the frames, one line per frame, for people who write their own slide text. */
  FILE
}
