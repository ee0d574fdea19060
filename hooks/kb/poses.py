"""One human figure, posed by joint angles and drawn as SVG line art; ``python -m kb.poses --write`` redraws every figure.

Why poses as data, drawn by a script whose output is committed: an editor changes an angle in
``kb.pose_data`` instead of drawing; every figure shares the proportions and line weights set once
here; tests check the poses themselves (hips off the bed in a bridge, knees bent in a clamshell);
and the build only reads SVG files, so it needs no drawing code and a reviewer can diff the output.
The figure is a 3D stick skeleton (so the same pose can be seen from the side, the feet or above),
projected orthographically; limbs on the far side are drawn in a lighter line, behind.
"""

from __future__ import annotations

import math
import sys
import xml.etree.ElementTree as etree  # noqa: N813 (the name the rest of kb uses)
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # Rows.

SVG_NS = "http://www.w3.org/2000/svg"
FIGURES_DIR = Path(__file__).resolve().parents[2] / "docs" / "assets" / "figures"

# Proportions, in drawing units (about one CSS pixel at full size): the one human figure of the site.
HEAD_R = 8.5
NECK = 5.0
TRUNK = 46.0
HIP_HALF = 6.0
SHOULDER_HALF = 9.0
UPPER_ARM = 25.0
FOREARM = 23.0
THIGH = 40.0
SHIN = 38.0
FOOT = 13.0
# Line weights: trunk, limbs, props and arrows.
TRUNK_W = 13.0
LIMB_W = 7.5
PROP_W = 2.0
ARROW_W = 2.5
# Colours for an SVG opened on its own; on the site, kb-figures.css sets them by class for each scheme.
FALLBACK = {
    "kb-fig-near": "#1f2430",
    "kb-fig-far": "#767c8c",
    "kb-fig-accent": "#3848a8",
    "kb-fig-prop": "#5b6170",
    "kb-fig-text": "#1f2430",
    "kb-fig-avoid": "#b3261e",
}


def _rx(a: float) -> Mat:
    c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
    return ((1, 0, 0), (0, c, -s), (0, s, c))


def _ry(a: float) -> Mat:
    c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
    return ((c, 0, s), (0, 1, 0), (-s, 0, c))


def _rz(a: float) -> Mat:
    c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def _mul(a: Mat, b: Mat) -> Mat:
    cols = list(zip(*b, strict=True))
    return tuple(tuple(sum(x * y for x, y in zip(row, col, strict=True)) for col in cols) for row in a)  # type: ignore[return-value]


def _apply(m: Mat, v: Vec) -> Vec:
    return tuple(sum(x * y for x, y in zip(row, v, strict=True)) for row in m)  # type: ignore[return-value]


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _columns(x: Vec, y: Vec, z: Vec) -> Mat:
    """The rotation whose columns are where the body's left (X), head (Y) and front (Z) axes point in the world."""
    return tuple(zip(x, y, z, strict=True))  # type: ignore[return-value]


# Where the body's axes point in the world (x right, y up, z toward the viewer), for each way of lying or standing.
PLACEMENTS: dict[str, Mat] = {
    "standing": _columns((0, 0, -1), (0, 1, 0), (1, 0, 0)),  # Facing right; the right side toward the viewer.
    "on-back": _columns((0, 0, -1), (-1, 0, 0), (0, 1, 0)),  # Head to the left, face up; right side near.
    "on-left-side": _columns((0, -1, 0), (1, 0, 0), (0, 0, 1)),  # Head to the right, facing the viewer.
}


@dataclass(frozen=True)
class Leg:
    """Hip flexion, abduction and outward rotation, knee flexion and ankle dorsiflexion, in degrees."""

    hip_flex: float = 0
    hip_abduct: float = 0
    hip_out: float = 0
    knee: float = 0
    ankle: float = 0


@dataclass(frozen=True)
class Arm:
    """Shoulder flexion and abduction, elbow flexion, in degrees."""

    flex: float = 0
    abduct: float = 10
    elbow: float = 10


@dataclass(frozen=True)
class Pose:
    """The figure placed in the world: how it lies, where its pelvis is, and its joint angles."""

    placement: str
    pelvis: Vec
    tilt: float = 0  # Pelvis turned about the hip axis, from its placement; positive lifts the back off the bed.
    trunk: float = 0  # Trunk bent forward from the pelvis.
    head: float = 0
    left: Leg = Leg()
    right: Leg = Leg()
    left_arm: Arm = Arm()
    right_arm: Arm = Arm()
    accent: frozenset[str] = frozenset()  # Limbs drawn in the accent colour: "left", "right", "left_arm", ...

    def joints(self) -> dict[str, Vec]:
        """World positions of every joint, by name (pelvis, neck, head, left_hip, left_knee, left_ankle, ...)."""
        body = _mul(PLACEMENTS[self.placement], _rx(-self.tilt))
        at = {"pelvis": self.pelvis}
        upper = _mul(body, _rx(self.trunk))
        at["neck"] = _add(self.pelvis, _apply(upper, (0, TRUNK, 0)))
        head = _mul(upper, _rx(self.head))
        at["head"] = _add(at["neck"], _apply(head, (0, NECK + HEAD_R, 0)))
        for side, sign in (("left", 1), ("right", -1)):
            leg: Leg = getattr(self, side)
            at[f"{side}_hip"] = hip = _add(self.pelvis, _apply(body, (sign * HIP_HALF, 0, 0)))
            thigh = _mul(_mul(_mul(body, _rx(-leg.hip_flex)), _rz(sign * leg.hip_abduct)), _ry(sign * leg.hip_out))
            at[f"{side}_knee"] = knee = _add(hip, _apply(thigh, (0, -THIGH, 0)))
            shin = _mul(thigh, _rx(leg.knee))
            at[f"{side}_ankle"] = ankle = _add(knee, _apply(shin, (0, -SHIN, 0)))
            at[f"{side}_toe"] = _add(ankle, _apply(_mul(shin, _rx(-leg.ankle)), (0, 0, FOOT)))
            arm: Arm = getattr(self, f"{side}_arm")
            at[f"{side}_shoulder"] = shoulder = _add(at["neck"], _apply(upper, (sign * SHOULDER_HALF, -3, 0)))
            upper_arm = _mul(_mul(upper, _rx(-arm.flex)), _rz(sign * arm.abduct))
            at[f"{side}_elbow"] = elbow = _add(shoulder, _apply(upper_arm, (0, -UPPER_ARM, 0)))
            at[f"{side}_hand"] = _add(elbow, _apply(_mul(upper_arm, _rx(-arm.elbow)), (0, -FOREARM, 0)))
        return at

    def knee_angle(self, side: str) -> float:
        """The knee's bend measured from the joint positions, in degrees (0 is straight)."""
        at = self.joints()
        return _angle_between(
            _sub(at[f"{side}_knee"], at[f"{side}_hip"]), _sub(at[f"{side}_ankle"], at[f"{side}_knee"])
        )


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _angle_between(a: Vec, b: Vec) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.dist(a, (0, 0, 0)) * math.dist(b, (0, 0, 0))
    return math.degrees(math.acos(max(-1.0, min(1.0, dot / norm))))


@dataclass(frozen=True)
class Prop:
    """A thing drawn with the figure (bed, counter, towel, ball): a polyline in world coordinates."""

    points: tuple[Vec, ...]
    closed: bool = False
    kind: str = "kb-fig-prop"
    width: float = PROP_W
    front: bool = False  # Drawn over the figure (a pillow between the knees), not behind it.


@dataclass(frozen=True)
class Arrow:
    """A movement arrow in world coordinates, curved through ``via`` when given."""

    start: Vec
    end: Vec
    via: Vec | None = None


@dataclass(frozen=True)
class Note:
    """A label with a thin leader line to a point in world coordinates, ``dx``/``dy`` away on screen."""

    at: Vec
    text: str
    dx: float
    dy: float


@dataclass(frozen=True)
class Panel:
    """One view of one pose, with its props, arrows and a short label under it."""

    pose: Pose
    label: str
    props: tuple[Prop, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    yaw: float = 0  # Camera turned about the vertical, then tilted down by pitch.
    pitch: float = 0
    avoid: bool = False  # Marked with a cross: a movement to avoid.
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Drawing:
    """A figure file made of panels side by side."""

    name: str
    panels: tuple[Panel, ...]


def bed(x0: float, x1: float, depth: float = 18, y: float = 0) -> Prop:
    """The top of a bed or mat from x0 to x1, ``depth`` deep (toward and away from the viewer)."""
    return Prop(((x0, y, depth), (x1, y, depth), (x1, y, -depth), (x0, y, -depth)), closed=True)


def floor(x0: float, x1: float, y: float = 0) -> Prop:
    """A floor line."""
    return Prop(((x0, y, 0), (x1, y, 0)))


def _camera(yaw: float, pitch: float) -> Mat:
    return _mul(_rx(pitch), _ry(yaw))


def _project(cam: Mat, p: Vec) -> Vec:
    x, y, z = _apply(cam, p)
    return (x, -y, z)


def _el(tag: str, attrs: dict[str, object], parent: etree.Element | None = None) -> etree.Element:
    text = {
        k.replace("_", "-"): (f"{v:.1f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v))
        for k, v in attrs.items()
    }
    return (
        etree.Element(f"{{{SVG_NS}}}{tag}", text)
        if parent is None
        else etree.SubElement(parent, f"{{{SVG_NS}}}{tag}", text)
    )


def _d(points: Iterable[tuple[float, float]], closed: bool = False) -> str:
    text = " ".join(f"{'M' if i == 0 else 'L'}{_n(x)} {_n(y)}" for i, (x, y) in enumerate(points))
    return text + (" Z" if closed else "")


def _n(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") if abs(v) >= 0.05 else "0"


def _line_attrs(kind: str, width: float) -> dict[str, object]:
    return {
        "class": kind,
        "fill": "none",
        "stroke": FALLBACK.get(kind, "#000"),
        "stroke_width": width,
        "stroke_linecap": "round",
        "stroke_linejoin": "round",
    }


LIMBS = (
    ("hip", "knee"),
    ("knee", "ankle"),
    ("ankle", "toe"),
)
ARMS = (("shoulder", "elbow"), ("elbow", "hand"))


def _segments(pose: Pose, cam: Mat) -> list[tuple[float, str, list[Vec], float]]:
    """Every stroke of the figure as (depth, class, projected points, width)."""
    at = {name: _project(cam, p) for name, p in pose.joints().items()}
    strokes = []
    for side in ("left", "right"):
        far = at[f"{side}_hip"][2] < at[f"{('right' if side == 'left' else 'left')}_hip"][2] - 0.5
        for limb, pairs in ((side, LIMBS), (f"{side}_arm", ARMS)):
            kind = "kb-fig-accent" if limb in pose.accent else ("kb-fig-far" if far else "kb-fig-near")
            prefix = f"{side}_"
            line = [at[prefix + pairs[0][0]]] + [at[prefix + b] for _, b in pairs]
            depth = sum(p[2] for p in line) / len(line)
            strokes.append((depth, kind, line, LIMB_W))
        strokes.append(
            (
                at[f"{side}_hip"][2],
                "kb-fig-near" if "pelvis" not in pose.accent else "kb-fig-accent",
                [at[f"{side}_hip"], at["pelvis"]],
                TRUNK_W,
            )
        )
    strokes.append(((at["pelvis"][2] + at["neck"][2]) / 2, "kb-fig-near", [at["pelvis"], at["neck"]], TRUNK_W))
    for side in ("left", "right"):
        strokes.append((at[f"{side}_shoulder"][2], "kb-fig-near", [at[f"{side}_shoulder"], at["neck"]], LIMB_W))
    return strokes


def draw_panel(panel: Panel, parent: etree.Element, offset: tuple[float, float]) -> None:
    """Draw one panel into ``parent``, its world origin at ``offset``."""
    cam = _camera(panel.yaw, panel.pitch)
    g = _el("g", {"transform": f"translate({_n(offset[0])} {_n(offset[1])})"}, parent)
    for prop in panel.props:
        if not prop.front:
            _prop(g, prop, cam)
    strokes = sorted(_segments(panel.pose, cam), key=lambda s: s[0])
    head = _project(cam, panel.pose.joints()["head"])
    head_drawn = False
    for depth, kind, pts, width in strokes:
        if not head_drawn and depth > head[2]:
            _head(g, head)
            head_drawn = True
        _el("path", {"d": _d(p[:2] for p in pts), **_line_attrs(kind, width)}, g)
    if not head_drawn:
        _head(g, head)
    for prop in panel.props:
        if prop.front:
            _prop(g, prop, cam)
    for arrow in panel.arrows:
        _arrow(g, [_project(cam, p)[:2] for p in (arrow.start, arrow.via, arrow.end) if p is not None])
    for note in panel.notes:
        x, y, _ = _project(cam, note.at)
        tx, ty = x + note.dx, y + note.dy
        _el("path", {"d": _d([(x, y), (tx, ty)]), **_line_attrs("kb-fig-text", 1.2)}, g)
        anchor = "start" if note.dx > 0 else "end"
        label = _el(
            "text",
            {
                "x": tx + (3 if note.dx > 0 else -3),
                "y": ty + 4,
                "class": "kb-fig-text",
                "text_anchor": anchor,
                "font_size": 11,
                "fill": FALLBACK["kb-fig-text"],
            },
            g,
        )
        label.text = note.text


def _prop(g: etree.Element, prop: Prop, cam: Mat) -> None:
    attrs = _line_attrs(prop.kind, prop.width)
    _el("path", {"d": _d([_project(cam, p)[:2] for p in prop.points], prop.closed), **attrs}, g)


def _head(g: etree.Element, at: Vec) -> None:
    _el(
        "circle",
        {
            "cx": at[0],
            "cy": at[1],
            "r": HEAD_R,
            "class": "kb-fig-near kb-fig-fill",
            "fill": FALLBACK["kb-fig-near"],
            "stroke": "none",
        },
        g,
    )


def _arrow(g: etree.Element, pts: list[tuple[float, float]]) -> None:
    """A curved or straight arrow through ``pts`` (2 or 3 points) with a filled head at the end."""
    (x0, y0), (x1, y1) = pts[0], pts[-1]
    if len(pts) == 3:
        (cx, cy) = pts[1]
        d = f"M{_n(x0)} {_n(y0)} Q{_n(2 * cx - (x0 + x1) / 2)} {_n(2 * cy - (y0 + y1) / 2)} {_n(x1)} {_n(y1)}"
        tx, ty = x1 - (2 * cx - (x0 + x1) / 2), y1 - (2 * cy - (y0 + y1) / 2)
    else:
        d = f"M{_n(x0)} {_n(y0)} L{_n(x1)} {_n(y1)}"
        tx, ty = x1 - x0, y1 - y0
    norm = math.hypot(tx, ty) or 1
    ux, uy = tx / norm, ty / norm
    _el("path", {"d": d, **_line_attrs("kb-fig-accent", ARROW_W)}, g)
    size = 7
    head = [
        (x1 + ux * 2, y1 + uy * 2),
        (x1 - ux * size - uy * size * 0.6, y1 - uy * size + ux * size * 0.6),
        (x1 - ux * size + uy * size * 0.6, y1 - uy * size - ux * size * 0.6),
    ]
    _el(
        "path",
        {
            "d": _d(head, closed=True),
            "class": "kb-fig-accent kb-fig-fill",
            "fill": FALLBACK["kb-fig-accent"],
            "stroke": "none",
        },
        g,
    )


def _bounds(panel: Panel) -> tuple[float, float, float, float]:
    cam = _camera(panel.yaw, panel.pitch)
    pts = [_project(cam, p) for p in panel.pose.joints().values()]
    pts += [_project(cam, p) for prop in panel.props for p in prop.points]
    pts += [_project(cam, p) for a in panel.arrows for p in (a.start, a.end)]
    for note in panel.notes:  # The label's far end, at about 6 units a character.
        x, y, z = _project(cam, note.at)
        reach = note.dx + (6.2 * len(note.text) + 6) * (1 if note.dx > 0 else -1)
        pts += [(x + reach, y + note.dy - 8, z), (x + reach, y + note.dy + 8, z)]
    pad = HEAD_R + LIMB_W
    return (
        min(p[0] for p in pts) - pad,
        min(p[1] for p in pts) - pad,
        max(p[0] for p in pts) + pad,
        max(p[1] for p in pts) + pad,
    )


LABEL_H = 20.0
SCALE = 1.25  # Shown a little larger than drawn, so a phone shows a whole figure at about its width.
GAP = 16.0


def render(drawing: Drawing) -> etree.Element:
    """The drawing as an SVG element: panels side by side, each labelled under it."""
    boxes = [_bounds(p) for p in drawing.panels]
    top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
    # A panel is at least as wide as its label (about 6.6 units a character at 12 units).
    labels = [6.6 * len(p.label) + 8 for p in drawing.panels]
    boxes = [
        (b[0] - max(0, lw - (b[2] - b[0])) / 2, b[1], b[2] + max(0, lw - (b[2] - b[0])) / 2, b[3])
        for b, lw in zip(boxes, labels, strict=True)
    ]
    widths = [b[2] - b[0] for b in boxes]
    width = sum(widths) + GAP * (len(boxes) - 1)
    height = bottom - top + LABEL_H
    svg = _el(
        "svg",
        {
            "viewBox": f"0 0 {_n(width)} {_n(height)}",
            "width": round(width * SCALE),
            "height": round(height * SCALE),
            "class": "kb-fig",
        },
    )
    x = 0.0
    for panel, box, w in zip(drawing.panels, boxes, widths, strict=True):
        draw_panel(panel, svg, (x - box[0], -top))
        if panel.avoid:
            _cross(svg, x + w - 12, 12)
        if panel.label:
            text = _el(
                "text",
                {
                    "x": x + w / 2,
                    "y": height - 5,
                    "class": "kb-fig-text",
                    "text_anchor": "middle",
                    "font_size": 12,
                    "fill": FALLBACK["kb-fig-text"],
                },
                svg,
            )
            text.text = panel.label
        x += w + GAP
    return svg


def _cross(svg: etree.Element, cx: float, cy: float) -> None:
    """The "avoid" mark: a circled cross (shape, not colour alone, carries the meaning)."""
    _el("circle", {"cx": cx, "cy": cy, "r": 9.0, **_line_attrs("kb-fig-avoid", 2.5)}, svg)
    _el(
        "path",
        {
            "d": f"M{_n(cx - 4.5)} {_n(cy - 4.5)} L{_n(cx + 4.5)} {_n(cy + 4.5)} M{_n(cx + 4.5)} {_n(cy - 4.5)} L{_n(cx - 4.5)} {_n(cy + 4.5)}",
            **_line_attrs("kb-fig-avoid", 2.5),
        },
        svg,
    )


def to_text(svg: etree.Element) -> str:
    """Serialise an SVG element as a file's text."""
    etree.register_namespace("", SVG_NS)
    return etree.tostring(svg, encoding="unicode") + "\n"


def all_svgs() -> dict[str, str]:
    """The text of every generated figure file, by file name."""
    from .figure_art import ART
    from .pose_data import DRAWINGS

    files = {f"{d.name}.svg": to_text(render(d)) for d in DRAWINGS}
    files.update({f"{name}.svg": to_text(make()) for name, make in ART.items()})
    return files


def main(argv: list[str]) -> int:
    """``--write`` rewrites the figure files; ``--check`` exits 1 if any differs from what the poses give."""
    files = all_svgs()
    if "--write" in argv:
        FIGURES_DIR.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (FIGURES_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {len(files)} figures to {FIGURES_DIR}")
        return 0
    stale = [
        name
        for name, text in files.items()
        if not (FIGURES_DIR / name).exists() or (FIGURES_DIR / name).read_text(encoding="utf-8") != text
    ]
    for name in stale:
        print(
            f"docs/assets/figures/{name}:1: differs from what kb.pose_data draws; run `PYTHONPATH=hooks python -m kb.poses --write`"
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
