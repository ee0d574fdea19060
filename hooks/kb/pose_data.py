"""The poses of every exercise and movement drawing, as joint angles: change a number, run ``python -m kb.poses --write``.

On the back the head is to the left and the right leg is nearest; on the side the person lies on the left
side, head to the right, facing you. The leg that moves is drawn in the accent colour.
"""

from __future__ import annotations

import math
from typing import TypedDict

from .poses import (
    PLACEMENTS,
    SHIN,
    THIGH,
    Arm,
    Arrow,
    Drawing,
    Leg,
    Note,
    Panel,
    Pose,
    Prop,
    Vec,
    _apply,
    _mul,
    _rx,
    bed,
    floor,
)


class _View(TypedDict, total=False):
    """Camera angles shared by several panels, passed to ``Panel`` as keyword arguments."""

    yaw: float
    pitch: float


LYING = 8.0  # Height of the body's centre line above the bed when lying down.
STAND = THIGH + SHIN + 4.0  # Height of the hips when standing on straight legs.


def reach(placement: str, tilt: float, hip: Vec, ankle: Vec) -> tuple[float, float]:
    """Hip flexion and knee bend that put the ankle at ``ankle`` (same side-view plane), knee bending forward."""
    body = _mul(PLACEMENTS[placement], _rx(-tilt))

    def direction(flex: float) -> float:
        x, y, _ = _apply(_mul(body, _rx(-flex)), (0, -1, 0))
        return math.atan2(y, x)

    zero, sign = direction(0), (1 if _wrap(direction(10) - direction(0)) > 0 else -1)
    dx, dy = ankle[0] - hip[0], ankle[1] - hip[1]
    dist = min(math.hypot(dx, dy), THIGH + SHIN - 0.01)
    inner = math.acos((THIGH**2 + dist**2 - SHIN**2) / (2 * THIGH * dist))
    thigh = math.atan2(dy, dx) + sign * inner  # The knee on the side the hip flexes toward.
    knee = math.pi - math.acos((THIGH**2 + SHIN**2 - dist**2) / (2 * THIGH * SHIN))
    return round(math.degrees(_wrap(thigh - zero)) * sign, 1), round(math.degrees(knee), 1)


def _wrap(a: float) -> float:
    return (a + math.pi) % (2 * math.pi) - math.pi


def bent(hip_x: float, ankle_x: float, tilt: float = 0, hip_y: float = LYING, ankle: float = -30, **extra) -> Leg:
    """A leg on the back with the foot flat on the bed at ``ankle_x``."""
    flex, knee = reach("on-back", tilt, (hip_x, hip_y, 0), (ankle_x, 6.0, 0))
    return Leg(hip_flex=flex, knee=knee, ankle=ankle, **extra)


BED = bed(-85, 95)
MAT_SIDE = floor(-95, 80)
FLOOR = floor(-60, 80)
RELAXED = Arm(flex=0, abduct=12, elbow=5)
KNEES_UP = bent(0, 48)


def _on_back(label: str, props=(BED,), arrows=(), **pose) -> Panel:
    return Panel(Pose("on-back", (0, LYING, 0), **pose), label, props=props, arrows=arrows)


ANKLE_PUMPS = Drawing(
    "exercise-ankle-pumps",
    (
        _on_back("1. Point your toes away", left=Leg(ankle=-50), right=Leg(ankle=-50), accent=frozenset({"right"})),
        _on_back(
            "2. Pull them toward you",
            left=Leg(ankle=15),
            right=Leg(ankle=15),
            accent=frozenset({"right"}),
            arrows=(Arrow((94, 18, 12), (88, 30, 12), via=(96, 26, 12)),),
        ),
    ),
)

GLUTE_SETS = Drawing(
    "exercise-buttock-squeezes",
    (
        _on_back(
            "Squeeze your buttocks, hold, relax",
            accent=frozenset({"pelvis"}),
            arrows=(Arrow((-16, -8, 10), (-4, -2, 10)), Arrow((16, -8, 10), (4, -2, 10))),
        ),
    ),
)

QUAD_SETS = Drawing(
    "exercise-thigh-tightening",
    (
        Panel(
            Pose("on-back", (0, LYING, 0), accent=frozenset({"right"})),
            "Press the back of your knee down",
            props=(
                BED,
                Prop(tuple((40 + 5 * math.cos(a / 4), 5 + 5 * math.sin(a / 4), 14) for a in range(26)), closed=True),
            ),
            arrows=(Arrow((40, 34, 12), (40, 17, 12)),),
            notes=(Note((40, 3, 14), "towel roll (optional)", 22, 12),),
        ),
    ),
)

_FEET_END: _View = {"pitch": 58.0}  # Seen from above and beside, so both the bent knees and their spread show.


def _knees_panel(label: str, left: Leg, right: Leg, props=(), arrows=(), accent=frozenset({"left", "right"})) -> Panel:
    return Panel(
        Pose("on-back", (0, LYING, 0), left=left, right=right, accent=accent),
        label,
        props=props,
        arrows=arrows,
        **_FEET_END,
    )


_PILLOWED = bent(0, 48, hip_abduct=7)
_KNEES = Pose("on-back", (0, LYING, 0), left=_PILLOWED, right=_PILLOWED).joints()
_KX, _KY = _KNEES["right_knee"][0] - 6, _KNEES["right_knee"][1] - 2
SQUEEZES = Drawing(
    "exercise-squeezes-in-and-out",
    (
        _knees_panel(
            "1. Squeeze a pillow between knees",
            _PILLOWED,
            _PILLOWED,
            props=(
                Prop(
                    tuple((_KX + 7 * math.sin(a / 5), _KY + 2, 7 * math.cos(a / 5)) for a in range(32)),
                    closed=True,
                    width=3,
                    front=True,
                ),
            ),
            arrows=(Arrow((_KX, _KY + 12, 30), (_KX, _KY + 10, 15)), Arrow((_KX, _KY + 12, -30), (_KX, _KY + 10, -15))),
        ),
        _knees_panel(
            "2. Push out against a belt",
            _PILLOWED,
            _PILLOWED,
            props=(
                Prop(
                    ((_KX - 3, _KY + 2, 14), (_KX - 3, _KY + 2, -14), (_KX + 3, _KY + 2, -14), (_KX + 3, _KY + 2, 14)),
                    closed=True,
                    width=3,
                    front=True,
                ),
            ),
            arrows=(Arrow((_KX, _KY + 12, 10), (_KX, _KY + 14, 30)), Arrow((_KX, _KY + 12, -10), (_KX, _KY + 14, -30))),
        ),
    ),
)

_SLID = bent(0, 22)
HEEL_SLIDES = Drawing(
    "exercise-heel-slides",
    (
        _on_back("1. Start with your legs straight", accent=frozenset({"right"})),
        _on_back(
            "2. Slide one heel toward your buttock",
            right=_SLID,
            accent=frozenset({"right"}),
            arrows=(Arrow((76, 18, 12), (34, 18, 12)),),
        ),
    ),
)

_SIDE: _View = {"pitch": 18.0}
_BOTTOM_BENT = Leg(hip_flex=35, knee=70, ankle=-20)
SIDE_LEG_LIFT = Drawing(
    "exercise-side-lying-leg-lift",
    (
        Panel(
            Pose(
                "on-left-side",
                (0, 10, 0),
                left=_BOTTOM_BENT,
                right=Leg(hip_abduct=4, ankle=-10),
                right_arm=Arm(flex=0, abduct=0, elbow=5),
                accent=frozenset({"right"}),
            ),
            "1. On your good side, bottom knee bent",
            props=(MAT_SIDE,),
            **_SIDE,
        ),
        Panel(
            Pose(
                "on-left-side",
                (0, 10, 0),
                left=_BOTTOM_BENT,
                right=Leg(hip_abduct=22, ankle=-10),
                right_arm=Arm(flex=0, abduct=0, elbow=5),
                accent=frozenset({"right"}),
            ),
            "2. Lift the straight top leg a little",
            props=(MAT_SIDE,),
            arrows=(Arrow((-64, 24, 4), (-62, 42, 4), via=(-66, 34, 4)),),
            **_SIDE,
        ),
    ),
)

_CLAM = Leg(hip_flex=55, knee=85, ankle=-10)
_CLAM_VIEW: _View = {"pitch": 25.0}  # From in front and a little above: the top knee opens like a shell.
_CLAM_KNEE = Pose("on-left-side", (0, 10, 0), left=_CLAM, right=_CLAM).joints()["right_knee"]
CLAMSHELLS = Drawing(
    "exercise-clamshells",
    (
        Panel(
            Pose("on-left-side", (0, 10, 0), left=_CLAM, right=_CLAM, accent=frozenset({"right"})),
            "1. On your side, hips and knees bent",
            props=(MAT_SIDE,),
            **_CLAM_VIEW,
        ),
        Panel(
            Pose(
                "on-left-side",
                (0, 10, 0),
                left=_CLAM,
                right=Leg(hip_flex=55, hip_abduct=24, hip_out=36, knee=85, ankle=-10),
                accent=frozenset({"right"}),
            ),
            "2. Feet together, lift the top knee",
            props=(MAT_SIDE,),
            arrows=(
                Arrow(
                    (_CLAM_KNEE[0] + 6, _CLAM_KNEE[1] + 4, _CLAM_KNEE[2]),
                    (_CLAM_KNEE[0] + 6, _CLAM_KNEE[1] + 30, _CLAM_KNEE[2]),
                ),
            ),
            **_CLAM_VIEW,
        ),
    ),
)

_BRIDGE_TILT = 20.0
_BRIDGE_PELVIS = (0.0, 24.0, 0.0)
_BRIDGED = bent(0, 48, tilt=_BRIDGE_TILT, hip_y=_BRIDGE_PELVIS[1])
BRIDGES = Drawing(
    "exercise-bridges",
    (
        _on_back("1. Knees bent, feet flat", left=KNEES_UP, right=KNEES_UP),
        Panel(
            Pose("on-back", _BRIDGE_PELVIS, tilt=_BRIDGE_TILT, head=18, left=_BRIDGED, right=_BRIDGED),
            "2. Lift your hips a little, then lower",
            props=(BED,),
            arrows=(Arrow((0, -2, 16), (0, 14, 16)),),
        ),
    ),
)

_GOOD_BENT = bent(0, 48)
# Short lever first: the painful leg keeps its knee bent and lifts its foot a few inches off the bed.
_LIFT_FLEX, _LIFT_KNEE = reach("on-back", 0, (0, LYING, 0), (44, 18, 0))
STRAIGHT_LEG_RAISE = Drawing(
    "exercise-straight-leg-raise",
    (
        _on_back("1. Both knees bent, feet flat", left=_GOOD_BENT, right=_GOOD_BENT, accent=frozenset({"right"})),
        _on_back(
            "2. Keep the knee bent, lift the foot",
            left=_GOOD_BENT,
            right=Leg(hip_flex=_LIFT_FLEX, knee=_LIFT_KNEE, ankle=-10),
            accent=frozenset({"right"}),
            arrows=(Arrow((50, 10, 14), (50, 26, 14)),),
        ),
    ),
)

_COUNTER = (Prop(((40, 0, 0), (40, 88, 0), (70, 88, 0))), Prop(((38, 88, 0), (72, 88, 0)), width=4))
_HOLD = Arm(flex=55, abduct=5, elbow=15)
HAMSTRING_CURLS = Drawing(
    "exercise-standing-hamstring-curls",
    (
        Panel(
            Pose("standing", (0, STAND, 0), left_arm=_HOLD, right_arm=_HOLD, accent=frozenset({"right"})),
            "1. Stand holding a counter",
            props=(FLOOR, *_COUNTER),
        ),
        Panel(
            Pose(
                "standing",
                (0, STAND, 0),
                right=Leg(hip_flex=-5, knee=95),
                left_arm=_HOLD,
                right_arm=_HOLD,
                accent=frozenset({"right"}),
            ),
            "2. Bend one knee, heel toward buttock",
            props=(FLOOR, *_COUNTER),
            arrows=(Arrow((-10, 8, 14), (-44, 40, 14), via=(-34, 14, 14)),),
        ),
    ),
)

_STRETCHED = Leg(hip_flex=72, knee=4, ankle=5)
_STRETCH_POSE = Pose(
    "on-back",
    (0, LYING, 0),
    left=KNEES_UP,
    right=_STRETCHED,
    left_arm=Arm(flex=70, abduct=8, elbow=10),
    right_arm=Arm(flex=70, abduct=8, elbow=10),
    accent=frozenset({"right"}),
)
_STRETCH_AT = _STRETCH_POSE.joints()
HAMSTRING_STRETCH = Drawing(
    "exercise-hamstring-stretch",
    (
        _on_back("1. Both knees bent, feet flat", left=KNEES_UP, right=KNEES_UP, accent=frozenset({"right"})),
        Panel(
            _STRETCH_POSE,
            "2. Towel round one foot: straighten it up",
            props=(
                BED,
                Prop((_STRETCH_AT["right_hand"], _STRETCH_AT["right_toe"], _STRETCH_AT["right_ankle"]), width=2.5),
            ),
            arrows=(Arrow((56, 20, 14), (26, 72, 14), via=(52, 52, 14)),),
        ),
    ),
)

_BED_END = bed(-85, 38)
_HUG = Arm(flex=20, abduct=0, elbow=80)  # Hands on the hugged knee.
HIP_FLEXOR_STRETCH = Drawing(
    "exercise-hip-flexor-stretch",
    (
        _on_back(
            "1. Hug one knee, other leg straight",
            left=Leg(hip_flex=118, knee=125, ankle=-10),
            left_arm=_HUG,
            right_arm=_HUG,
            accent=frozenset({"right"}),
        ),
        Panel(
            Pose(
                "on-back",
                (0, LYING, 0),
                left=Leg(hip_flex=118, knee=125, ankle=-10),
                right=Leg(hip_flex=-6, knee=75, ankle=-10),
                left_arm=_HUG,
                right_arm=_HUG,
                accent=frozenset({"right"}),
            ),
            "2. Or let that leg hang over the edge",
            props=(_BED_END, Prop(((38, 0, 18), (38, -30, 18)))),
        ),
    ),
)

_APART = bent(0, 48, hip_abduct=28, hip_out=22)
INNER_THIGH = Drawing(
    "exercise-inner-thigh-stretch",
    (
        _knees_panel("1. Knees bent, feet flat", KNEES_UP, KNEES_UP),
        _knees_panel(
            "2. Let the knees fall a little apart",
            _APART,
            _APART,
            arrows=(
                Arrow((28, 44, 10), (24, 36, 36), via=(28, 44, 26)),
                Arrow((28, 44, -10), (24, 36, -36), via=(28, 44, -26)),
            ),
        ),
    ),
)

_TOP: _View = {"pitch": 80.0}  # Seen from above, so the bent knee shows.
_QUAD = Pose(
    "on-left-side",
    (0, 10, 0),
    left=Leg(hip_flex=30, knee=40),
    right=Leg(hip_flex=-6, knee=125, ankle=-20),
    right_arm=Arm(flex=-40, abduct=0, elbow=10),
    accent=frozenset({"right"}),
)
_QUAD_AT = _QUAD.joints()
THIGH_STRETCH = Drawing(
    "exercise-thigh-stretch",
    (
        Panel(
            _QUAD,
            "On your good side, hold the top ankle",
            props=(MAT_SIDE, Prop((_QUAD_AT["right_hand"], _QUAD_AT["right_ankle"]), width=2.5, front=True)),
            **_TOP,
        ),
    ),
)

_CROSSED = Leg(hip_flex=80, hip_abduct=35, hip_out=60, knee=110, ankle=-5)
PIRIFORMIS = Drawing(
    "exercise-deep-buttock-stretch",
    (
        Panel(
            Pose("on-back", (0, LYING, 0), left=KNEES_UP, right=_CROSSED, accent=frozenset({"right"})),
            "Ankle of one leg on the other knee",
            props=(BED,),
            yaw=-45,
            pitch=60,
        ),
    ),
)

_BIKE = (
    Prop(((-8, 62, 0), (14, 62, 0)), width=5),  # Seat.
    Prop(((4, 60, 0), (22, 20, 0), (50, 88, 0), (62, 92, 0)), width=3),  # Frame and handlebar.
    Prop(((-10, 0, 0), (60, 0, 0)), width=4),  # Base.
    Prop(((22, 20, 0), (22, 0, 0)), width=3),
    Prop(
        tuple((22 + 16 * math.cos(a / 5), 20 + 16 * math.sin(a / 5), 0) for a in range(32)), closed=True
    ),  # Pedal circle.
)
BIKE = Drawing(
    "exercise-stationary-bike",
    (
        Panel(
            Pose(
                "standing",
                (2, 66, 0),
                trunk=22,
                left=Leg(hip_flex=64, knee=96, ankle=-10),
                right=Leg(hip_flex=28, knee=26, ankle=-15),
                left_arm=Arm(flex=62, abduct=5, elbow=20),
                right_arm=Arm(flex=62, abduct=5, elbow=20),
                accent=frozenset({"right"}),
            ),
            "Seat high, knee a little bent at bottom",
            props=_BIKE,
        ),
    ),
)

# Movements to avoid while the ball of the hip is at risk.
RUN = Pose(
    "standing",
    (0, STAND + 10, 0),
    trunk=10,
    left=Leg(hip_flex=-20, knee=75, ankle=-20),
    right=Leg(hip_flex=50, knee=60),
    left_arm=Arm(flex=45, elbow=80),
    right_arm=Arm(flex=-35, elbow=60),
)
JUMP = Pose(
    "standing",
    (0, STAND + 20, 0),
    trunk=8,
    left=Leg(hip_flex=10, knee=55, ankle=-35),
    right=Leg(hip_flex=70, knee=100, ankle=-20),
    left_arm=Arm(flex=120, abduct=10, elbow=20),
    right_arm=Arm(flex=165, abduct=10),
)
HIGH_IMPACT = Drawing(
    "avoid-high-impact",
    (
        Panel(RUN, "Running", props=(FLOOR,), avoid=True),
        Panel(JUMP, "Jumping", props=(FLOOR,), arrows=(Arrow((34, 20, 10), (34, 56, 10)),), avoid=True),
    ),
)
_SQUAT = Pose(
    "standing",
    (-14, 30, 0),
    trunk=45,
    left=Leg(hip_flex=118, knee=135, ankle=30),
    right=Leg(hip_flex=118, knee=135, ankle=30),
    left_arm=Arm(flex=80),
    right_arm=Arm(flex=80),
)
_LUNGE = Pose(
    "standing",
    (0, 46, 0),
    trunk=5,
    left=Leg(hip_flex=-20, knee=100, ankle=-50),
    right=Leg(hip_flex=88, knee=90),
    left_arm=Arm(flex=5),
    right_arm=Arm(flex=5),
)
SQUATS = Drawing(
    "avoid-deep-squats-and-lunges",
    (Panel(_SQUAT, "Deep squat", props=(FLOOR,), avoid=True), Panel(_LUNGE, "Lunge", props=(FLOOR,), avoid=True)),
)
_LIFTER = Pose(
    "standing",
    (0, STAND - 6, 0),
    trunk=15,
    left=Leg(hip_flex=35, knee=45, ankle=15),
    right=Leg(hip_flex=35, knee=45, ankle=15),
    left_arm=Arm(flex=-30, abduct=60, elbow=120),
    right_arm=Arm(flex=-30, abduct=60, elbow=120),
)
_NECK = _LIFTER.joints()["neck"]
_PLATE = Prop(
    tuple((_NECK[0] - 4 + 16 * math.cos(a / 5), _NECK[1] + 16 * math.sin(a / 5), 20) for a in range(32)),
    closed=True,
    width=4,
)
HEAVY = Drawing(
    "avoid-heavy-weights",
    (
        Panel(
            _LIFTER,
            "Heavy weights",
            props=(FLOOR, _PLATE),
            avoid=True,
        ),
    ),
)
_TURNED = Pose("on-back", (0, LYING, 0), right=Leg(hip_flex=90, hip_out=-38, knee=90), accent=frozenset({"right"}))
_FROM = Pose("on-back", (0, LYING, 0), right=Leg(hip_flex=90, knee=90)).joints()["right_ankle"]
_TO = _TURNED.joints()["right_ankle"]
INWARD_TURN = Drawing(
    "avoid-forced-inward-turning",
    (
        Panel(
            _TURNED,
            "Forcing the hip to turn inward",
            props=(BED,),
            arrows=(Arrow((_FROM[0] + 8, _FROM[1], _FROM[2]), (_TO[0] + 8, _TO[1], _TO[2] + 4)),),
            pitch=65,
            avoid=True,
        ),
    ),
)

# Every exercise on docs/physical-therapy/exercises.md, by its heading, and the movements to avoid.
EXERCISES: dict[str, Drawing] = {
    "Ankle pumps": ANKLE_PUMPS,
    "Buttock squeezes (gluteal sets)": GLUTE_SETS,
    "Thigh tightening (quadriceps sets)": QUAD_SETS,
    "Squeezes in and out (hip adduction and abduction)": SQUEEZES,
    "Heel slides": HEEL_SLIDES,
    "Side-lying leg lift (hip abduction)": SIDE_LEG_LIFT,
    "Clamshells": CLAMSHELLS,
    "Bridges": BRIDGES,
    "Straight leg raise": STRAIGHT_LEG_RAISE,
    "Standing hamstring curls": HAMSTRING_CURLS,
    "Hamstring stretch (back of the thigh)": HAMSTRING_STRETCH,
    "Hip flexor stretch (front of the hip)": HIP_FLEXOR_STRETCH,
    "Inner thigh stretch (adductors)": INNER_THIGH,
    "Thigh stretch (quadriceps)": THIGH_STRETCH,
    "Deep buttock stretch (piriformis)": PIRIFORMIS,
    "Stationary bike": BIKE,
}
AVOID = (HIGH_IMPACT, HEAVY, INWARD_TURN, SQUATS)
DRAWINGS: tuple[Drawing, ...] = (*EXERCISES.values(), *AVOID)
