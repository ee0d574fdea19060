"""The drawings: committed files match the poses, every exercise is drawn, and each pose matches its text."""

from __future__ import annotations

import math
import re

import pytest
from kb import pose_data as pd
from kb.figure_art import ART, CANE, DOME, RISE, STAGES, STAIRS
from kb.figures import page_blocks
from kb.poses import FIGURES_DIR, Pose, all_svgs, main

from tests.sitebuild import ROOT

EXERCISES_PAGE = ROOT / "docs" / "physical-therapy" / "exercises.md"
AVOID_PAGE = ROOT / "docs" / "physical-therapy" / "exercises-to-avoid.md"
ON_BED = 10.0  # An ankle this close to the bed (y = 0) has its foot on it.


def _start_end(drawing) -> tuple[Pose, Pose]:
    return drawing.panels[0].pose, drawing.panels[-1].pose


def test_the_committed_svg_files_are_what_the_poses_draw() -> None:
    drawn = all_svgs()
    committed = {path.name: path.read_text(encoding="utf-8") for path in FIGURES_DIR.glob("*.svg")}
    stale = sorted(name for name in drawn if committed.get(name) != drawn[name])
    assert not stale, f"run `PYTHONPATH=hooks python -m kb.poses --write`; these differ: {stale}"
    assert set(committed) == set(drawn), "a figure file is not made by kb.poses; add its drawing or remove it"


def test_the_check_mode_names_a_stale_file(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("kb.poses.FIGURES_DIR", tmp_path)
    (tmp_path / "hip-joint.svg").write_text("<svg/>")
    assert main([]) == 1
    assert "docs/assets/figures/hip-joint.svg:1: differs from what kb.pose_data draws" in capsys.readouterr().out


def test_every_exercise_on_the_page_has_its_drawing_right_under_its_heading() -> None:
    text = EXERCISES_PAGE.read_text(encoding="utf-8")
    headings = re.findall(r"^### (.+)$", text, re.MULTILINE)
    assert headings == list(pd.EXERCISES), "each exercise heading needs a drawing in kb.pose_data.EXERCISES"
    for heading, drawing in pd.EXERCISES.items():
        section = text.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
        assert [b.arg for b in page_blocks(section) if b.kind == "figure"] == [f"{drawing.name}.svg"], heading


def test_movements_to_avoid_are_drawn_on_their_page_and_marked() -> None:
    used = {b.arg for b in page_blocks(AVOID_PAGE.read_text(encoding="utf-8"))}
    assert {f"{d.name}.svg" for d in pd.AVOID} <= used
    assert all(panel.avoid for d in pd.AVOID for panel in d.panels)


def test_a_two_part_movement_shows_start_and_end() -> None:
    moving = (
        "Heel slides",
        "Clamshells",
        "Bridges",
        "Straight leg raise",
        "Standing hamstring curls",
        "Side-lying leg lift (hip abduction)",
    )
    for name in moving:
        assert len(pd.EXERCISES[name].panels) == 2 and pd.EXERCISES[name].panels[0].label.startswith("1."), name


def test_bridge_lifts_the_hips_with_knees_bent_and_feet_flat() -> None:
    start, end = _start_end(pd.BRIDGES)
    assert end.pelvis[1] >= start.pelvis[1] + 10  # Hips off the bed.
    for pose in (start, end):
        at = pose.joints()
        assert pose.placement == "on-back"
        assert at["neck"][1] <= ON_BED  # Shoulders stay down.
        for side in ("left", "right"):
            assert 60 <= pose.knee_angle(side) <= 130
            assert at[f"{side}_ankle"][1] <= ON_BED
    assert math.dist(start.joints()["right_ankle"], end.joints()["right_ankle"]) < 4  # The feet stay put.


def test_clamshell_lies_on_the_side_with_hips_and_knees_bent_and_feet_together() -> None:
    start, end = _start_end(pd.CLAMSHELLS)
    for pose in (start, end):
        assert pose.placement == "on-left-side"
        assert pose.left.hip_flex >= 30 and pose.right.hip_flex >= 30
        assert pose.knee_angle("left") >= 60 and pose.knee_angle("right") >= 60
        at = pose.joints()
        assert math.dist(at["left_ankle"], at["right_ankle"]) < 14  # Feet together.
    assert end.joints()["right_knee"][1] > start.joints()["right_knee"][1] + 8  # The top knee lifts.


def test_leg_raise_starts_short_lever_both_knees_bent_and_lifts_the_foot_a_little() -> None:
    start, end = _start_end(pd.STRAIGHT_LEG_RAISE)
    for pose in (start, end):
        assert pose.knee_angle("left") >= 60 and pose.joints()["left_ankle"][1] <= ON_BED  # The good leg.
        assert pose.knee_angle("right") >= 60  # Short lever: the lifting knee stays bent.
        assert pose.accent == {"right"}
    assert start.joints()["right_ankle"][1] <= ON_BED
    lift = end.joints()["right_ankle"][1] - start.joints()["right_ankle"][1]
    assert 8 <= lift <= 20  # "A few inches".


def test_side_lying_leg_lift_bends_the_bottom_knee_and_lifts_the_straight_top_leg() -> None:
    start, end = _start_end(pd.SIDE_LEG_LIFT)
    for pose in (start, end):
        assert pose.placement == "on-left-side" and pose.knee_angle("left") >= 45 and pose.knee_angle("right") < 5
    assert end.joints()["right_ankle"][1] > start.joints()["right_ankle"][1] + 10
    assert end.right.hip_abduct <= 30  # "A little".


def test_heel_slide_keeps_the_heel_on_the_bed_and_bends_the_knee() -> None:
    start, end = _start_end(pd.HEEL_SLIDES)
    assert start.knee_angle("right") < 5 and end.knee_angle("right") >= 80
    assert end.joints()["right_ankle"][1] <= ON_BED
    assert end.joints()["right_ankle"][0] < start.joints()["right_ankle"][0] - 30  # Toward the buttock.
    assert end.knee_angle("left") < 5  # The other leg stays straight.


def test_standing_curl_stands_on_one_straight_leg_and_brings_the_heel_behind() -> None:
    start, end = _start_end(pd.HAMSTRING_CURLS)
    for pose in (start, end):
        assert pose.placement == "standing" and pose.knee_angle("left") < 5
        assert pose.joints()["left_ankle"][1] <= ON_BED
    at = end.joints()
    assert end.knee_angle("right") >= 80
    assert at["right_ankle"][0] < at["right_knee"][0]  # Heel behind, toward the buttock.
    assert abs(at["right_knee"][0] - at["left_knee"][0]) < 8  # Knees side by side.


def test_hamstring_stretch_straightens_one_leg_up_and_keeps_the_other_foot_flat() -> None:
    start, end = _start_end(pd.HAMSTRING_STRETCH)
    assert start.knee_angle("left") >= 60 and start.knee_angle("right") >= 60
    assert end.right.hip_flex >= 60 and end.knee_angle("right") <= 10
    assert end.knee_angle("left") >= 60 and end.joints()["left_ankle"][1] <= ON_BED
    towel = pd.HAMSTRING_STRETCH.panels[-1].props[-1].points
    assert towel[0] == end.joints()["right_hand"] and towel[1] == end.joints()["right_toe"]


def test_hip_flexor_stretch_hugs_one_knee_and_leaves_the_other_leg_out() -> None:
    for panel in pd.HIP_FLEXOR_STRETCH.panels:
        pose = panel.pose
        at = pose.joints()
        assert pose.left.hip_flex >= 100  # Knee to chest.
        assert math.dist(at["left_hand"], at["left_knee"]) < 12  # Hands on the knee.
        assert pose.right.hip_flex <= 0  # The other leg out straight or hanging.


def test_inner_thigh_stretch_lets_the_knees_fall_apart_with_feet_flat() -> None:
    start, end = _start_end(pd.INNER_THIGH)
    gap = [math.dist(p.joints()["left_knee"], p.joints()["right_knee"]) for p in (start, end)]
    assert gap[1] > gap[0] + 20
    for pose in (start, end):
        assert pose.knee_angle("left") >= 60 and pose.joints()["left_ankle"][1] <= ON_BED


def test_thigh_stretch_lies_on_the_side_with_the_top_heel_toward_the_buttock() -> None:
    (panel,) = pd.THIGH_STRETCH.panels
    pose = panel.pose
    assert pose.placement == "on-left-side" and pose.knee_angle("right") >= 110
    assert abs(pose.right.hip_flex) <= 10  # The thigh is not pulled backward.


def test_deep_buttock_stretch_rests_one_ankle_on_the_other_knee() -> None:
    (panel,) = pd.PIRIFORMIS.panels
    at = panel.pose.joints()
    assert math.dist(at["right_ankle"], at["left_knee"]) < 8
    assert panel.pose.right.hip_out > 30  # The hip turns outward.


def test_bike_seat_is_high_so_the_knee_stays_a_little_bent_at_the_bottom() -> None:
    (panel,) = pd.BIKE.panels
    assert 10 <= panel.pose.knee_angle("right") <= 40
    assert panel.pose.left.hip_flex < 90  # The hip does not bend too much at the top.


def test_squeezes_and_quad_sets_lie_on_the_back() -> None:
    assert all(
        p.pose.placement == "on-back"
        for d in (pd.SQUEEZES, pd.QUAD_SETS, pd.GLUTE_SETS, pd.ANKLE_PUMPS)
        for p in d.panels
    )
    start, end = _start_end(pd.ANKLE_PUMPS)
    assert start.right.ankle < 0 < end.right.ankle  # Toes away, then toward you.


def _svg_text(name: str) -> str:
    return (FIGURES_DIR / f"{name}.svg").read_text(encoding="utf-8")


def test_the_cane_is_in_the_hand_opposite_the_sore_hip_and_moves_with_the_sore_leg() -> None:
    front, side = CANE.panels
    assert "right" in front.pose.accent and "left" not in front.pose.accent  # The right hip is the sore one.
    for panel in (front, side):
        cane = panel.props[-1].points
        assert cane[0] == panel.pose.joints()["left_hand"] and cane[1][1] == 0  # Left hand to the floor.
    at = side.pose.joints()
    assert at["right_ankle"][0] > at["left_ankle"][0] + 10  # The sore leg steps forward...
    assert side.props[-1].points[1][0] > at["left_ankle"][0]  # ...with the cane ahead of the good foot.


def test_stairs_go_up_with_the_good_leg_first_and_down_with_the_crutches_and_sore_leg_first() -> None:
    up, down = (panel.pose for panel in STAIRS.panels)
    assert up.accent == down.accent == {"right"}  # The sore leg.
    at = up.joints()
    assert at["left_ankle"][1] >= RISE and at["right_ankle"][1] < RISE / 2  # Good foot up a step, sore foot below.
    assert all(crutch.points[1][1] == 0 for crutch in STAIRS.panels[0].props[1:])  # Crutches still below.
    at = down.joints()
    assert at["right_ankle"][1] < at["left_ankle"][1] - RISE / 2  # Sore foot a step lower than the good one.
    assert all(crutch.points[1][1] == RISE for crutch in STAIRS.panels[1].props[1:])  # Crutches on the lower step.


@pytest.mark.parametrize("stage", range(5))
def test_each_stage_drawing_has_its_label(stage: int) -> None:
    text = _svg_text("avn-over-time")
    assert all(line in text for line in STAGES[stage])


def test_the_stage_drawings_change_one_step_at_a_time() -> None:
    text = _svg_text("avn-over-time")
    groups = text.split("<g ")[1:]
    assert ["kb-fig-dead" in g for g in groups] == [False, True, True, True, True]
    assert ["kb-fig-crack" in g for g in groups] == [False, False, True, False, False]
    assert ["kb-fig-cartilage" in g for g in groups] == [True, True, True, True, False]


def test_the_dead_area_sits_in_the_upper_weight_bearing_part_of_the_ball() -> None:
    # Angles counted from the outside of the hip (0 = inner side, 90 = top, 180 = outer side).
    assert 45 <= DOME[0] < 90 < DOME[1] <= 150
    text = _svg_text("hip-joint")
    for label in (
        "Socket (acetabulum)",
        "Ball (femoral head)",
        "Medial circumflex",
        "Lateral circumflex",
        "Dead area in AVN",
        "Thigh bone (femur)",
    ):
        assert label in text


def test_every_art_drawing_has_a_file() -> None:
    assert {f"{name}.svg" for name in ART} <= {p.name for p in FIGURES_DIR.glob("*.svg")}
