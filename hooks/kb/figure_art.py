"""Drawings that are not exercises: the hip joint, AVN over time, walking aids and the recovery timeline.

The hip is drawn once (``_hip``) and changed step by step for the stages, so every stage shows the same joint.
The walking aids use the one human figure of ``kb.poses``.
"""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as etree  # noqa: N813 (the name the rest of kb uses)
from collections.abc import Callable, Sequence

from .pose_data import FLOOR, STAND, reach
from .poses import FALLBACK, SCALE, Arm, Drawing, Leg, Note, Panel, Pose, Prop, _el, _n, render

TEXT = {"class": "kb-fig-text", "fill": FALLBACK["kb-fig-text"], "font_size": 12.0}
BONE = {"class": "kb-fig-bone", "fill": "#f3ede2", "stroke": "#6b5a3c", "stroke_width": 2.0, "stroke_linejoin": "round"}


def _svg(width: float, height: float) -> etree.Element:
    return _el(
        "svg",
        {
            "viewBox": f"0 0 {_n(width)} {_n(height)}",
            "width": round(width * SCALE),
            "height": round(height * SCALE),
            "class": "kb-fig",
        },
    )


def _text(
    parent: etree.Element, x: float, y: float, lines: list[str], anchor: str = "start", size: float = 12.0
) -> None:
    """Lines of text from (x, y) down."""
    for index, line in enumerate(lines):
        text = _el(
            "text", {**TEXT, "x": x, "y": y + index * (size + 2), "text_anchor": anchor, "font_size": size}, parent
        )
        text.text = line


def _label(
    parent: etree.Element, at: tuple[float, float], to: tuple[float, float], lines: list[str], anchor: str
) -> None:
    """A label at ``to`` with a leader line to ``at``."""
    _el(
        "path",
        {
            "d": f"M{_n(at[0])} {_n(at[1])} L{_n(to[0])} {_n(to[1])}",
            "class": "kb-fig-text",
            "stroke": FALLBACK["kb-fig-text"],
            "stroke_width": 1.2,
            "fill": "none",
        },
        parent,
    )
    _el("circle", {"cx": at[0], "cy": at[1], "r": 2.2, "class": "kb-fig-text", "fill": FALLBACK["kb-fig-text"]}, parent)
    _text(parent, to[0] + (4 if anchor == "start" else -4), to[1] + 4, lines, anchor)


def _on_circle(cx: float, cy: float, r: float, degrees: float) -> tuple[float, float]:
    """A point on a circle, angle counted anticlockwise from the right as on paper (y grows downward in SVG)."""
    return (cx + r * math.cos(math.radians(degrees)), cy - r * math.sin(math.radians(degrees)))


def _arc(cx: float, cy: float, r: float, start: float, end: float, steps: int = 24) -> list[tuple[float, float]]:
    return [_on_circle(cx, cy, r, start + (end - start) * i / steps) for i in range(steps + 1)]


def _path(points: Sequence[tuple[float, float]], closed: bool = False) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{_n(x)} {_n(y)}" for i, (x, y) in enumerate(points)) + (
        " Z" if closed else ""
    )


# The weight-bearing dome of the ball: the upper, outer part, under the roof of the socket (the left is the outside).
DOME = (62.0, 140.0)


def _hip(parent: etree.Element, cx: float, cy: float, r: float, stage: int, shaft: float = 4.2) -> None:
    """A right hip seen from the front at one stage: 0 healthy, 1 dead area, 2 crack, 3 flattened, 4 arthritis."""
    gap = 6.0 if stage < 4 else 2.5  # The joint space narrows in arthritis.
    socket = r + gap
    rim_out, rim_in = 160.0, -45.0
    lower_right = _on_circle(cx, cy, socket, rim_in)
    outline = [
        (cx - socket * 1.05, cy - socket * 0.75),
        (cx - socket * 0.9, cy - socket * 1.7),
        (cx + socket * 1.6, cy - socket * 1.85),
        (cx + socket * 2.0, cy - socket * 0.2),
        (cx + socket * 1.55, cy + socket * 1.05),
        (lower_right[0] + 8, lower_right[1] + 10),
    ]
    # The pelvis: from the inner end of the socket round its roof to the outer rim, then its outline back.
    _el("path", {"d": _path(_arc(cx, cy, socket, rim_in, rim_out) + outline, closed=True), **BONE}, parent)
    # The thigh bone: neck down and out to the shaft, greater trochanter on the outside.
    femur = [
        _on_circle(cx, cy, r, 200),
        (cx - r * 1.7, cy + r * 0.25),
        (cx - r * 2.15, cy + r * 0.05),
        (cx - r * 2.35, cy + r * 0.6),
        (cx - r * 2.0, cy + r * 1.6),
        (cx - r * 1.85, cy + r * shaft),
        (cx - r * 0.85, cy + r * shaft),
        (cx - r * 0.8, cy + r * 2.2),
        (cx - r * 0.45, cy + r * 1.95),
        (cx - r * 0.55, cy + r * 1.55),
        _on_circle(cx, cy, r, 290),
    ]
    _el("path", {"d": _path(femur), **BONE}, parent)
    flat = stage >= 3
    head = _head_outline(cx, cy, r, flat)
    _el("path", {"d": _path(head, closed=True), **BONE}, parent)
    if stage >= 1:
        inner = _head_outline(cx, cy, r - 2.5, flat, DOME)
        dead = [*inner, _on_circle(cx, cy - (5 if flat else 0), r * 0.35, 100)]
        _el(
            "path",
            {
                "d": _path(dead, closed=True),
                "class": "kb-fig-dead",
                "fill": "#f2d59c",
                "stroke": "#8a5a00",
                "stroke_width": 1.5,
                "stroke_dasharray": "3 2",
            },
            parent,
        )
    if stage == 2:
        crack = _arc(cx, cy, r - 5, DOME[0] + 8, DOME[1] - 8)
        _el(
            "path",
            {
                "d": _path(crack),
                "class": "kb-fig-crack",
                "stroke": FALLBACK["kb-fig-near"],
                "stroke_width": 2.2,
                "fill": "none",
            },
            parent,
        )
    # Cartilage: a smooth layer on the ball and in the socket; worn away on top in arthritis.
    if stage < 4:
        _el(
            "path",
            {
                "d": _path(_head_outline(cx, cy, r + 1.5, flat, (rim_in + 10, rim_out))),
                "class": "kb-fig-cartilage",
                "stroke": "#2f7d8c",
                "stroke_width": 2.5,
                "fill": "none",
            },
            parent,
        )
        _el(
            "path",
            {
                "d": _path(_arc(cx, cy, socket - 1.5, rim_in + 5, rim_out - 5)),
                "class": "kb-fig-cartilage",
                "stroke": "#2f7d8c",
                "stroke_width": 2.5,
                "fill": "none",
            },
            parent,
        )
    else:
        for angle in (rim_out, rim_in):  # Bony spurs at the edges of the joint.
            x, y = _on_circle(cx, cy, socket + 1, angle)
            _el(
                "path", {"d": _path([(x, y), (x + (-7 if angle == rim_out else 6), y + 5), (x, y + 6)]), **BONE}, parent
            )


def _head_outline(
    cx: float, cy: float, r: float, flat: bool, span: tuple[float, float] = (0, 360)
) -> list[tuple[float, float]]:
    """The ball's outline over ``span`` degrees; when flat, the dome is pushed in."""
    points = []
    for point_angle in [span[0] + (span[1] - span[0]) * i / 48 for i in range(49)]:
        dent = 0.0
        if flat and DOME[0] < point_angle % 360 < DOME[1]:
            dent = r * 0.22 * math.sin(math.pi * (point_angle % 360 - DOME[0]) / (DOME[1] - DOME[0]))
        points.append(_on_circle(cx, cy, r - dent, point_angle))
    return points


def hip_joint() -> etree.Element:
    """The hip joint from the front with its blood supply and where the dead area sits in AVN."""
    svg = _svg(620, 330)
    cx, cy, r = 250.0, 120.0, 38.0
    _hip(svg, cx, cy, r, 1)
    # Arteries: the medial circumflex femoral artery runs round the back of the neck to the top of the ball
    # (drawn dashed: behind the bone); the lateral circumflex femoral artery crosses the front below the neck.
    mcfa = [
        (cx + 105, cy + 150),
        (cx + 30, cy + 120),
        (cx - 20, cy + 95),
        (cx - 60, cy + 55),
        (cx - 58, cy + 22),
        (cx - 38, cy + 5),
    ]
    _el(
        "path",
        {
            "d": _smooth(mcfa),
            "class": "kb-fig-artery",
            "stroke": "#b3261e",
            "stroke_width": 3.0,
            "fill": "none",
            "stroke_dasharray": "6 3",
        },
        svg,
    )
    for end in ((cx - 28, cy - 12), (cx - 36, cy - 2)):
        _el(
            "path",
            {
                "d": _path([(cx - 40, cy + 8), end]),
                "class": "kb-fig-artery",
                "stroke": "#b3261e",
                "stroke_width": 2.0,
                "fill": "none",
            },
            svg,
        )
    # Both branch off the deep artery of the thigh, coming up from below on the inner side.
    _el(
        "path",
        {
            "d": f"M{_n(cx + 105)} {_n(cy + 150)} L{_n(cx + 112)} {_n(cy + 200)}",
            "class": "kb-fig-artery",
            "stroke": "#b3261e",
            "stroke_width": 3.5,
            "fill": "none",
        },
        svg,
    )
    lcfa = [(cx + 105, cy + 150), (cx + 20, cy + 150), (cx - 40, cy + 140), (cx - 75, cy + 110), (cx - 80, cy + 75)]
    _el(
        "path",
        {"d": _smooth(lcfa), "class": "kb-fig-artery", "stroke": "#b3261e", "stroke_width": 3.0, "fill": "none"},
        svg,
    )
    _label(svg, (cx + 90, cy - 35), (cx + 120, cy - 95), ["Socket (acetabulum),", "part of the pelvis"], "start")
    _label(svg, (cx + 10, cy + 10), (cx + 120, cy + 20), ["Ball (femoral head)"], "start")
    _label(
        svg,
        (cx - 18, cy - 22),
        (cx - 45, cy - 95),
        ["Dead area in AVN: the upper,", "weight-bearing part of the ball"],
        "end",
    )
    _label(svg, _on_circle(cx, cy, r + 7, 30), (cx + 120, cy - 55), ["Cartilage (smooth joint surface)"], "start")
    _label(
        svg,
        (cx - 50, cy + 40),
        (cx - 90, cy + 30),
        ["Medial circumflex", "femoral artery: main", "supply, runs behind", "the neck (dashed)"],
        "end",
    )
    _label(svg, (cx - 60, cy + 131), (cx - 90, cy + 140), ["Lateral circumflex", "femoral artery"], "end")
    _label(svg, (cx - 55, cy + 150), (cx - 90, cy + 190), ["Thigh bone (femur)"], "end")
    return svg


def _smooth(points: list[tuple[float, float]]) -> str:
    """A curve through ``points`` (quadratic segments through midpoints)."""
    d = f"M{_n(points[0][0])} {_n(points[0][1])}"
    for (x0, y0), (x1, y1) in itertools.pairwise(points[1:]):
        d += f" Q{_n(x0)} {_n(y0)} {_n((x0 + x1) / 2)} {_n((y0 + y1) / 2)}"
    return d + f" L{_n(points[-1][0])} {_n(points[-1][1])}"


STAGES = (
    ["1. Healthy ball"],
    ["2. Dead area,", "ball still round"],
    ["3. Crack under", "the surface"],
    ["4. Flattening", "(collapse)"],
    ["5. Arthritis"],
)


def avn_over_time() -> etree.Element:
    """The same hip at five steps, from healthy to arthritis."""
    width = 128.0
    svg = _svg(width * len(STAGES), 200)
    for index, label in enumerate(STAGES):
        group = _el("g", {"transform": f"translate({_n(index * width)} 0)"}, svg)
        _hip(group, width / 2 + 4, 62, 27, index, shaft=3.0)
        _text(group, width / 2, 172, label, "middle")
    return svg


_CANE_ARM = Arm(flex=8, abduct=14, elbow=18)
# The right hip is the sore one (accented); the cane is in the left hand.
CANE_FRONT = Pose(
    "standing", (0, STAND, 0), left_arm=_CANE_ARM, right=Leg(hip_flex=8, knee=6), accent=frozenset({"right", "pelvis"})
)
CANE_SIDE = Pose(
    "standing",
    (0, STAND, 0),
    left_arm=Arm(flex=20, abduct=8, elbow=15),
    right=Leg(hip_flex=22, knee=10),
    left=Leg(hip_flex=-8),
    accent=frozenset({"right"}),
)


def _cane(pose: Pose, forward: float) -> Prop:
    """A cane from the left hand to the floor, ``forward`` of the hand."""
    hand = pose.joints()["left_hand"]
    return Prop((hand, (hand[0] + forward, 0, hand[2] - 4)), width=4)


CANE = Drawing(
    "walking-aid-cane",
    (
        Panel(
            CANE_FRONT,
            "1. Cane in the hand opposite the sore hip",
            props=(FLOOR, _cane(CANE_FRONT, 2)),
            yaw=-90,
            notes=(
                Note(CANE_FRONT.joints()["right_hip"], "sore hip", -30, -24),
                Note(CANE_FRONT.joints()["left_hand"], "cane", 26, -10),
            ),
        ),
        Panel(CANE_SIDE, "2. Move it with the sore leg", props=(FLOOR, _cane(CANE_SIDE, 6))),
    ),
)


def _steps(x0: float, rise: float, run: float, count: int, up: bool) -> Prop:
    """A staircase outline from x0, going up (or down) to the right."""
    points, y = [(x0 - 40, 0 if up else rise * count, 0)], 0 if up else rise * count
    x = x0
    for _ in range(count):
        points.append((x, y, 0))
        y += rise if up else -rise
        points.append((x, y, 0))
        x += run
    points.append((x + 40, y, 0))
    return Prop(tuple(points), width=2.5)


RISE, RUN = 18.0, 34.0
_CRUTCH_ARMS = Arm(flex=18, abduct=10, elbow=35)
# Going up: the good (far, left) leg is on the first step; the sore (right) leg and the crutches are still below.
_UP_HIP = (0.0, STAND, 0.0)
_GOOD_UP = reach("standing", 0, _UP_HIP, (16.0, RISE + 4, 0))
STAIRS_UP = Pose(
    "standing",
    _UP_HIP,
    left=Leg(hip_flex=_GOOD_UP[0], knee=_GOOD_UP[1]),
    right=Leg(hip_flex=-6),
    left_arm=_CRUTCH_ARMS,
    right_arm=_CRUTCH_ARMS,
    accent=frozenset({"right"}),
)
# Going down: the crutches and the sore leg are on the step below; the good leg is still on the step above.
# The good knee bends to lower the body, as it must for the sore foot to reach the step below.
_DOWN_HIP = (6.0, RISE * 2 + 56, 0.0)
_GOOD_DOWN = reach("standing", 0, _DOWN_HIP, (-4.0, RISE * 2 + 4, 0))
_SORE_DOWN = reach("standing", 0, _DOWN_HIP, (24.0, RISE + 4, 0))
STAIRS_DOWN = Pose(
    "standing",
    _DOWN_HIP,
    trunk=6,
    left=Leg(hip_flex=_GOOD_DOWN[0], knee=_GOOD_DOWN[1]),
    right=Leg(hip_flex=_SORE_DOWN[0], knee=_SORE_DOWN[1]),
    left_arm=_CRUTCH_ARMS,
    right_arm=_CRUTCH_ARMS,
    accent=frozenset({"right"}),
)


def crutches(pose: Pose, foot_x: float, foot_y: float) -> tuple[Prop, Prop]:
    """A crutch under each arm, its tip at (foot_x, foot_y), a little out to each side."""
    at = pose.joints()
    return tuple(  # type: ignore[return-value]
        Prop(
            (
                (at[f"{s}_shoulder"][0] + 2, at[f"{s}_shoulder"][1] - 4, at[f"{s}_shoulder"][2] * 1.6),
                (foot_x, foot_y, at[f"{s}_shoulder"][2] * 1.6),
            ),
            width=3,
        )
        for s in ("left", "right")
    )


STAIRS = Drawing(
    "walking-aid-stairs",
    (
        Panel(
            STAIRS_UP, "1. Up: good leg first", props=(_steps(10, RISE, RUN, 3, up=True), *crutches(STAIRS_UP, 6, 0))
        ),
        Panel(
            STAIRS_DOWN,
            "2. Down: crutches and sore leg first",
            props=(_steps(-14, RISE, RUN, 3, up=False), *crutches(STAIRS_DOWN, 36, RISE)),
        ),
    ),
)


PHASES = (
    ("The first weeks", ["First visit and a plan", "Gentle exercises lying down", "Learn crutches or a cane"]),
    (
        "The next weeks and months",
        ["Add strengthening slowly", "Bike or pool, within limits", "Check progress, adjust plan"],
    ),
    ("Longer term", ["Home programme", "Therapist now and then", "New plan after any surgery"]),
)


def recovery_timeline() -> etree.Element:
    """What physical therapy usually looks like over time, as on the how-long page."""
    width, column = 600.0, 200.0
    svg = _svg(width, 200)
    arrow_y = 30.0
    _el(
        "path",
        {
            "d": f"M8 {_n(arrow_y)} L{_n(width - 14)} {_n(arrow_y)}",
            "class": "kb-fig-near",
            "stroke": FALLBACK["kb-fig-near"],
            "stroke_width": 3.0,
            "fill": "none",
        },
        svg,
    )
    _el(
        "path",
        {
            "d": f"M{_n(width - 4)} {_n(arrow_y)} L{_n(width - 16)} {_n(arrow_y - 7)} L{_n(width - 16)} {_n(arrow_y + 7)} Z",
            "class": "kb-fig-near kb-fig-fill",
            "fill": FALLBACK["kb-fig-near"],
        },
        svg,
    )
    for index, (title, items) in enumerate(PHASES):
        x = index * column + 10
        _el(
            "circle",
            {
                "cx": x + 4,
                "cy": arrow_y,
                "r": 6.0,
                "class": "kb-fig-accent kb-fig-fill",
                "fill": FALLBACK["kb-fig-accent"],
            },
            svg,
        )
        _text(svg, x, arrow_y - 12, [title], size=13)
        _text(svg, x, arrow_y + 26, [f"• {item}" for item in items], size=12)
    # Good and bad weeks, with no trend drawn: the page promises no recovery date, and pain and bone can differ.
    wave = [(10 + i * 4, 140 - 9 * math.sin(i / 3.2)) for i in range(140)]
    _el(
        "path",
        {
            "d": _path(wave),
            "class": "kb-fig-accent",
            "stroke": FALLBACK["kb-fig-accent"],
            "stroke_width": 2.5,
            "fill": "none",
        },
        svg,
    )
    _text(svg, 10, 188, ["Progress is rarely a straight line: good weeks and bad weeks are common."])
    return svg


ART: dict[str, Callable[[], etree.Element]] = {
    "hip-joint": hip_joint,
    "avn-over-time": avn_over_time,
    "walking-aid-cane": lambda: render(CANE),
    "walking-aid-stairs": lambda: render(STAIRS),
    "recovery-timeline": recovery_timeline,
}
