"""Rendering: see captions as viewers see them.

Three engines draw a cue (:mod:`.raqm` with Pillow, :mod:`.libass` through a
packaged ffmpeg, :mod:`.browser` with headless Chromium's WebVTT renderer);
:mod:`.pixels` reads the images, :mod:`.evidence` decides the RTL default from
them, and :mod:`.burn` burns captions into a video.
"""
