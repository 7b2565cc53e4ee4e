#!/usr/bin/env python3
"""Writes config/illustrations/<exercise-id>.svg, one pictogram per exercise, and
<exercise-id>-<step>.svg, one frame per step (steps read from exercises.toml).

The style (config/illustrations/README.md) lives in the constants and the
helpers at the top; each exercise below only places joints, props and
arrows. Run it from anywhere; it rewrites every file it draws:

    python3 tools/illustrations/draw_illustrations.py

Only SVG features nanosvg (wx's renderer) supports: rect, circle, polyline,
path (M L Q A Z), stroke, fill, opacity. No text, filters, CSS or markers.
"""
import os

from illustration_style import *  # noqa: F401,F403 (the style and the drawing vocabulary)

# ---------------------------------------------------------------- exercises

def neck_and_shoulders():
    h, limbs = seated_front(head=(91, 40))
    draw("neck-half-rolls", chair_front() + person((69, 40), [], True) + person(h, limbs)
         + arrow((58, 16), (80, 34), (102, 16), both=True))

    draw("chin-tuck", chair_side() + fig(seated_side(head=(76, 38)), True)
         + fig(seated_side(head=(68, 39))) + straight((100, 30), (84, 30)))

    h, limbs = seated_front(head=(94, 44), larm=[(64, 56), (58, 80), (52, 104)],
                            rarm=[(96, 56), (106, 44), (100, 30)])
    draw("upper-trapezius-stretch", chair_front() + person(h, limbs)
         + arrow((100, 14), (118, 18), (118, 38)))

    h, limbs = seated_front(head=(90, 48), larm=[(64, 56), (58, 80), (52, 104)])
    draw("levator-scapulae-stretch", chair_front() + person((80, 38), [], True) + person(h, limbs)
         + arrow((104, 22), (114, 34), (106, 48)))

    draw("shoulder-rolls", chair_side() + fig(seated_side()) + circle_arrow((64, 56), 16, 200, 470))

    h, limbs = seated_front(head=(80, 36), shoulders=48,
                            larm=[(64, 48), (60, 72), (62, 98)], rarm=[(96, 48), (100, 72), (98, 98)])
    draw("shoulder-shrugs", chair_front() + fig(seated_front(), True) + person(h, limbs)
         + straight((116, 62), (116, 40)) + straight((44, 62), (44, 40)))

    pose = seated_side(arm=[(64, 58), (86, 56), (108, 56)])
    draw("shoulder-shrug-circles", chair_side() + fig(pose) + circle_arrow((62, 54), 15, 200, 470))

    draw("scapular-squeeze", chair_side() + fig(seated_side(arm=[(64, 58), (58, 78), (70, 92)]))
         + straight((36, 52), (52, 66)) + arrow((30, 86), (34, 74), (52, 66)))

    draw("shoulder-pull", chair_side() + fig(seated_side(head=(70, 34), torso=[(64, 50), (58, 96)]), True)
         + fig(seated_side()) + straight((30, 44), (30, 70)))

    h, limbs = seated_front(head=(74, 38), rarm=[(96, 56), (90, 30), (72, 14)])
    draw("overhead-arm-reach", chair_front() + person(h, limbs)
         + arrow((112, 30), (108, 10), (86, 10)))


def back_and_eyes():
    # Chair rotation: seen from above-front, shown as the torso turned with a turn arrow.
    h, limbs = seated_front(head=(80, 38), larm=[(64, 56), (76, 70), (96, 66)],
                            rarm=[(96, 56), (110, 66), (112, 76)])
    draw("seated-chair-rotation", chair_front() + [prop([(110, 66), (124, 58)])]
         + person(h, limbs) + arrow((52, 34), (80, 14), (108, 30)))

    pose = seated_side(head=(56, 36), torso=[(58, 54), (58, 96)],
                       arm=[(58, 56), (46, 44), (54, 32)])
    draw("seated-thoracic-extension", chair_side() + fig(seated_side(), True) + fig(pose)
         + arrow((80, 56), (82, 36), (66, 22)))

    pose = seated_side(head=(70, 38))
    eye = [line([(84, 36), (124, 36)], ACCENT, ARROW_W), arrowhead((132, 36), (120, 36)),
           '<circle cx="140" cy="36" r="6" fill="none" stroke="%s" stroke-width="%s"/>' % (ACCENT, ARROW_W)]
    draw("eye-rest-20-20-20", chair_side() + fig(pose) + [prop([(112, 18), (150, 18)])]
         + [prop([(112, 54), (150, 54)])] + eye)


def standing():
    h, limbs = standing_front(larm=[(64, 48), (44, 48), (24, 48)], rarm=[(96, 48), (116, 48), (136, 48)])
    draw("arm-circles", floor() + person(h, limbs) + circle_arrow((24, 48), 12, 90, 400)
         + circle_arrow((136, 48), 12, 90, 400))

    pose = standing_side(head=(74, 28), torso_top=(74, 44), arm=[(74, 46), (64, 60), (74, 72)])
    draw("standing-thoracic-extension", floor() + fig(standing_side(), True) + fig(pose)
         + arrow((96, 60), (100, 40), (86, 24)))

    band = [line([(146, 78), (116, 84)], ACCENT, 3)]
    draw("band-row", floor() + [prop([(146, 40), (146, 148)], 6)] + band[:0]
         + fig(standing_side(arm=[(80, 46), (100, 76), (118, 78)]), True)
         + fig(standing_side(arm=[(80, 46), (70, 70), (90, 80)]))
         + [line([(146, 78), (92, 80)], PROP, 3)] + straight((128, 96), (100, 96)))

    draw("band-face-pull", floor() + [prop([(146, 20), (146, 148)], 6)]
         + fig(standing_side(arm=[(80, 46), (104, 36), (124, 30)]), True)
         + fig(standing_side(arm=[(80, 46), (98, 30), (88, 24)]))
         + [line([(146, 28), (90, 24)], PROP, 3)] + straight((128, 14), (104, 14)))

    h, limbs = standing_front(larm=[(64, 48), (52, 38), (44, 14)], rarm=[(96, 48), (108, 38), (116, 14)])
    h2, limbs2 = standing_front(larm=[(64, 48), (40, 48), (44, 24)], rarm=[(96, 48), (120, 48), (116, 24)])
    draw("band-lat-pulldown", floor() + person(h, limbs, True) + person(h2, limbs2)
         + [line([(44, 22), (116, 22)], PROP, 3)] + straight((30, 16), (30, 44)) + straight((130, 16), (130, 44)))

    hinge = [[(58, 62), (86, 92)], [(86, 92), (90, 120), (86, 146), (98, 146)]]
    down = person((48, 52), hinge + [[(60, 64), (60, 84), (60, 100)]], True)
    up = person((48, 52), hinge + [[(60, 64), (42, 74), (28, 70)]])
    bells = [prop([(54, 104), (66, 104)], 7), prop([(22, 66), (30, 76)], 7)]
    draw("reverse-dumbbell-fly", floor() + down + up + bells + arrow((70, 104), (64, 82), (36, 62)))


def wall_and_doorway():
    h, limbs = standing_front(larm=[(64, 48), (46, 46), (44, 26)], rarm=[(96, 48), (114, 46), (116, 26)])
    h2, limbs2 = standing_front(larm=[(64, 48), (52, 30), (56, 10)], rarm=[(96, 48), (108, 30), (104, 10)])
    draw("wall-angel", ['<rect x="20" y="12" width="120" height="140" rx="10" fill="%s" opacity="0.45"/>' % PROP]
         + person(h, limbs) + person(h2, limbs2, True) + straight((30, 44), (30, 16)) + straight((130, 44), (130, 16)))

    lean_out = person((102, 30), [[(100, 44), (70, 140)], [(70, 140), (58, 146)], [(100, 46), (116, 46), (130, 48)]], True)
    lean_in = person((112, 36), [[(108, 50), (70, 140)], [(70, 140), (58, 146)], [(108, 52), (114, 68), (130, 50)]])
    draw("wall-push-up", floor() + wall() + lean_out + lean_in + straight((90, 22), (112, 16)))

    body = [[(78, 44), (76, 92)], [(76, 92), (70, 120), (66, 146)], [(76, 92), (86, 120), (90, 146)],
            [(78, 46), (104, 48), (104, 20)]]
    draw("wall-pec-stretch", floor() + ['<rect x="104" y="12" width="10" height="138" rx="3" fill="%s"/>' % PROP]
         + person((74, 28), body) + arrow((40, 70), (30, 44), (50, 30)))

    door = [prop([(30, 150), (30, 14), (130, 14), (130, 150)], 7)]
    h, limbs = standing_front(larm=[(64, 48), (36, 50), (36, 28)], rarm=[(96, 48), (124, 50), (124, 28)])
    draw("doorway-pec-stretch", floor() + door + person(h, limbs) + straight((80, 118), (80, 100))
         + ['<circle cx="80" cy="70" r="0" fill="none"/>'])

    corner = [prop([(20, 14), (80, 52), (140, 14)], 7), prop([(80, 52), (80, 150)], 4)]
    h, limbs = standing_front(head=(80, 78), sh=96, larm=[(64, 96), (50, 80), (52, 58)],
                              rarm=[(96, 96), (110, 80), (108, 58)])
    limbs = [limbs[0], [(80, 94), (80, 128)], [(70, 130), (90, 130)], [(70, 130), (68, 146)],
             [(90, 130), (92, 146)], limbs[5], limbs[6]]
    draw("room-corner-stretch", corner + person(h, limbs) + straight((80, 122), (80, 104)))


def on_the_floor():
    f = floor(140)
    cat = person((34, 96), [[(50, 100), (80, 84), (106, 100)], [(50, 100), (50, 136)], [(106, 100), (106, 136), (134, 136)]], True)
    cow = person((36, 80), [[(50, 94), (80, 108), (106, 96)], [(50, 94), (50, 136)], [(106, 96), (106, 136), (134, 136)]])
    draw("cat-cow", f + cat + cow + straight((80, 66), (80, 92), both=True))

    draw("childs-pose", f + person((56, 124), [[(70, 120), (104, 102)], [(104, 102), (110, 134), (132, 136)],
                                            [(70, 118), (46, 132), (22, 134)]])
         + straight((44, 110), (18, 118)))

    draw("childs-pose-side-reach", f + person((56, 124), [[(70, 120), (104, 102)], [(104, 102), (110, 134), (132, 136)],
                                                       [(70, 118), (46, 132), (22, 134)]])
         + arrow((30, 110), (12, 100), (18, 78)))

    draw("sphinx-pose", f + person((48, 90), [[(58, 102), (90, 128), (136, 134)], [(58, 104), (52, 134), (30, 134)]], True)
         + person((46, 66), [[(58, 80), (90, 126), (136, 134)], [(58, 82), (52, 134), (30, 134)]])
         + straight((28, 100), (28, 76)))

    draw("bird-dog", f + person((34, 90), [[(50, 100), (104, 100)], [(50, 100), (50, 136)],
                                        [(104, 100), (104, 136), (130, 136)],
                                        [(50, 98), (30, 94), (12, 90)], [(104, 100), (126, 98), (148, 96)]])
         + straight((26, 76), (10, 74)) + straight((128, 82), (146, 80)))

    draw("glute-bridge", f + person((30, 126), [[(44, 130), (80, 128), (104, 108)], [(104, 108), (116, 136)], [(44, 132), (70, 134)]], True)
         + person((30, 126), [[(44, 128), (82, 104), (104, 96)], [(104, 96), (116, 136)], [(44, 132), (70, 134)]])
         + straight((80, 140 - 16), (80, 88)))

    draw("plank", f + person((34, 90), [[(48, 96), (136, 124)], [(136, 124), (140, 136)], [(48, 98), (48, 136)]])
         + straight((92, 132), (92, 114)))

    draw("side-plank", f + person((30, 78), [[(42, 90), (134, 132)], [(42, 92), (44, 116), (58, 136)], [(42, 90), (40, 60), (42, 40)]])
         + straight((86, 132), (86, 100)))

    draw("scapular-push-up", f + person((34, 94), [[(48, 102), (136, 126)], [(48, 102), (48, 136)]], True)
         + person((34, 86), [[(48, 94), (136, 124)], [(48, 96), (48, 136)]]) + straight((70, 80), (70, 100), both=True))

    draw("superman", f + person((36, 120), [[(50, 128), (120, 132)], [(50, 128), (14, 128)], [(120, 132), (148, 132)]], True)
         + person((34, 110), [[(50, 122), (118, 130)], [(50, 120), (16, 108)], [(118, 130), (146, 120)]])
         + straight((16, 94), (16, 82)) + straight((146, 106), (146, 94)))

    draw("knee-rotation", f + person((24, 126), [[(38, 132), (84, 132)], [(84, 132), (104, 104), (124, 134)], [(40, 132), (60, 130)]], True)
         + person((24, 126), [[(38, 132), (84, 132)], [(84, 132), (112, 118), (130, 132)], [(40, 132), (60, 130)]])
         + arrow((96, 88), (126, 90), (134, 110)))

    draw("knee-to-chest", f + person((24, 126), [[(38, 132), (84, 132)], [(84, 132), (104, 104), (124, 134)]], True)
         + person((24, 126), [[(38, 132), (84, 132)], [(84, 132), (110, 104), (124, 134)], [(84, 132), (70, 104), (52, 112)],
                              [(42, 130), (62, 112)]])
         + arrow((100, 86), (84, 80), (70, 90)))

    draw("butterfly-stretch", f + person((80, 42), [[(80, 58), (80, 110)], [(66, 62), (94, 62)],
                                                 [(80, 112), (46, 110), (74, 128), (80, 128)],
                                                 [(80, 112), (114, 110), (86, 128), (80, 128)],
                                                 [(66, 62), (70, 92), (78, 122)], [(94, 62), (90, 92), (82, 122)]])
         + straight((36, 90), (36, 112)) + straight((124, 90), (124, 112)))

    towel = ['<circle cx="66" cy="128" r="7" fill="%s"/>' % PROP]
    draw("towel-thoracic-extension", f + towel + person((34, 126), [[(48, 124), (68, 118), (96, 128)], [(96, 128), (116, 104), (130, 134)],
                                                               [(50, 120), (40, 106), (26, 112)]])
         + arrow((70, 92), (54, 90), (44, 100)))


def seated_with_leg(leg, head=(70, 38), torso=None, arm=None):
    h, limbs = seated_side(head=head, torso=torso, arm=arm)
    limbs[1] = leg
    return h, limbs


def hands_and_forearms():
    straight_arm = [(64, 58), (88, 62), (112, 64)]
    pose = seated_side(arm=straight_arm + [(114, 48)])
    helper = line([(64, 60), (84, 70), (108, 50)], FIGURE, BODY_W)
    draw("wrist-flexor-stretch", chair_side() + fig(seated_side(arm=straight_arm + [(126, 64)]), True)
         + fig(pose) + [helper] + arrow((128, 62), (130, 46), (120, 40)))
    pose = seated_side(arm=straight_arm + [(114, 80)])
    helper = line([(64, 60), (84, 76), (108, 84)], FIGURE, BODY_W)
    draw("wrist-extensor-stretch", chair_side() + fig(seated_side(arm=straight_arm + [(126, 64)]), True)
         + fig(pose) + [helper] + arrow((128, 68), (130, 84), (120, 92)))
    bent = [(64, 58), (62, 82), (92, 80)]
    draw("wrist-circles", chair_side() + fig(seated_side(arm=bent + [(104, 80)]))
         + circle_arrow((104, 80), 13, 200, 470))
    up = [(64, 58), (66, 84), (92, 72)]
    draw("tendon-glides", chair_side() + fig(seated_side(arm=up + [(100, 56)]), True)
         + fig(seated_side(arm=up + [(98, 60), (104, 66)])) + arrow((112, 50), (120, 60), (112, 70)))
    h, limbs = seated_front(rarm=[(96, 56), (118, 58), (138, 58), (140, 44)])
    h2, limbs2 = seated_front(rarm=[(96, 56), (110, 70), (118, 60)])
    draw("median-nerve-glide", chair_front() + person(h2, limbs2, True) + person(h, limbs)
         + arrow((122, 76), (140, 76), (146, 62)))
    h, limbs = seated_front(larm=[(64, 56), (58, 80), (52, 56)], rarm=[(96, 56), (102, 80), (108, 56)])
    fans = [line([(52, 56), (p, 40)], FIGURE, 4) for p in (44, 52, 60)]
    fans += [line([(108, 56), (p, 40)], FIGURE, 4) for p in (100, 108, 116)]
    draw("finger-spread-and-fist", chair_front() + person(h, limbs) + fans
         + circle_arrow((30, 50), 10, 200, 470) + circle_arrow((130, 50), 10, 200, 470))
    h, limbs = seated_front(larm=[(64, 56), (60, 80), (80, 78)], rarm=[(96, 56), (100, 80), (80, 78)])
    h2, limbs2 = seated_front(larm=[(64, 56), (62, 76), (80, 62)], rarm=[(96, 56), (98, 76), (80, 62)])
    draw("prayer-stretch", chair_front() + person(h2, limbs2, True) + person(h, limbs)
         + straight((124, 60), (124, 84)))
    draw("forearm-rotations", chair_side() + fig(seated_side(arm=bent))
         + circle_arrow((100, 80), 11, 200, 470))


def legs_and_circulation():
    rest = [(58, 96), (98, 96), (100, 144), (110, 144)]
    draw("ankle-pumps", chair_side() + fig(seated_with_leg([(58, 96), (98, 96), (100, 140), (110, 146)]), True)
         + fig(seated_with_leg([(58, 96), (98, 96), (100, 144), (108, 132)])) + arrow((120, 144), (124, 132), (116, 122)))
    draw("ankle-circles", chair_side() + fig(seated_with_leg([(58, 96), (98, 96), (108, 136), (118, 136)]))
         + circle_arrow((118, 136), 11, 200, 470))
    draw("seated-knee-extension", chair_side() + fig(seated_with_leg(rest), True)
         + fig(seated_with_leg([(58, 96), (98, 96), (136, 94), (138, 82)])) + arrow((118, 136), (132, 124), (136, 106)))
    draw("seated-marching", chair_side() + fig(seated_with_leg(rest), True)
         + fig(seated_with_leg([(58, 96), (96, 84), (102, 128), (112, 128)])) + straight((124, 120), (124, 96)))
    lean = seated_with_leg([(58, 96), (98, 104), (134, 138), (136, 128)], head=(92, 50), torso=[(80, 62), (58, 96)],
                           arm=[(80, 64), (96, 84), (110, 104)])
    draw("seated-hamstring-stretch", chair_side() + fig(seated_with_leg([(58, 96), (98, 104), (134, 138), (136, 128)]), True)
         + fig(lean) + arrow((70, 24), (94, 22), (106, 38)))
    desk = [prop([(104, 70), (150, 70)]), prop([(144, 70), (144, 148)])]
    up = person((80, 20), [[(78, 36), (78, 84)], [(78, 84), (80, 112), (80, 136), (88, 140)], [(78, 38), (92, 56), (106, 66)]])
    draw("standing-calf-raises", floor() + desk + fig(standing_side(arm=[(78, 46), (92, 62), (106, 70)]), True) + up
         + straight((56, 140), (56, 116)))
    quad = person((80, 28), [[(78, 44), (78, 92)], [(78, 92), (80, 120), (78, 146), (90, 146)],
                              [(78, 92), (70, 118), (56, 100)], [(78, 46), (66, 74), (56, 100)],
                              [(78, 46), (94, 60), (106, 70)]])
    draw("standing-quad-stretch", floor() + desk + quad + arrow((40, 120), (34, 100), (46, 88)))
    walk = person((96, 28), [[(94, 44), (92, 92)], [(92, 92), (104, 120), (110, 146), (120, 146)],
                              [(92, 92), (84, 120), (74, 144)], [(94, 46), (104, 70), (110, 88)], [(94, 46), (84, 70), (80, 88)]])
    draw("stand-and-walk", floor() + chair_side() + walk + straight((112, 110), (146, 110)))


def eyes_and_posture():
    pose = seated_side(head=(70, 38))
    lid = [line([(78, 34), (86, 38)], ACCENT, ARROW_W)]
    draw("full-blinks", chair_side() + fig(pose) + lid + straight((96, 24), (96, 44), both=True))
    thumb = seated_side(arm=[(64, 58), (80, 56), (96, 44), (96, 34)])
    draw("near-far-focus", chair_side() + fig(thumb) + [prop([(112, 18), (150, 18)]), prop([(112, 54), (150, 54)])]
         + straight((82, 40), (92, 40)) + [line([(104, 36), (124, 36)], ACCENT, ARROW_W), arrowhead((132, 36), (120, 36)),
                                         '<circle cx="140" cy="36" r="6" fill="none" stroke="%s" stroke-width="%s"/>' % (ACCENT, ARROW_W)])
    palm = seated_side(head=(76, 40), torso=[(68, 56), (58, 96)], arm=[(68, 58), (96, 74), (84, 42)])
    draw("palming", chair_side() + [prop([(96, 76), (150, 76)])] + fig(palm) + circle_arrow((104, 30), 10, 200, 470))
    slump = seated_side(head=(80, 46), torso=[(70, 60), (62, 96)])
    draw("sit-tall-reset", chair_side() + fig(slump, True) + fig(seated_side(head=(66, 34), torso=[(62, 52), (56, 96)]))
         + straight((36, 60), (36, 30)))
    back = standing_side(head=(72, 28), torso_top=(74, 44), arm=[(74, 46), (64, 68), (70, 88)])
    draw("standing-posture-reset", floor() + fig(standing_side(), True) + fig(back) + arrow((98, 60), (100, 42), (90, 30)))
    tilt = seated_side(head=(64, 38), torso=[(60, 56), (62, 96)])
    draw("seated-pelvic-tilt", chair_side() + fig(seated_side(), True) + fig(tilt) + circle_arrow((62, 96), 14, 120, 330))


# ---------------------------------------------------------------- step frames
# Each step of each exercise gets its own frame, derived from the pictogram:
# the start pose (the faint pose drawn solid, without arrows), the movement
# (the whole pictogram) or the other side (the pictogram mirrored).

RETURN_WORDS = ("back to", "let go", "lower", "release", "relax", "sit up", "come back", "swap",
                "switch", "bring your chin back", "lift your head back", "raise your head", "open them")
OTHER_SIDE = {"upper-trapezius-stretch", "levator-scapulae-stretch", "seated-chair-rotation",
              "overhead-arm-reach", "wall-pec-stretch", "side-plank", "wrist-flexor-stretch",
              "wrist-extensor-stretch", "standing-quad-stretch", "seated-hamstring-stretch",
              "neck-half-rolls", "seated-knee-extension"}


def split_items(items):
    ghosts = [i for i in items if 'opacity="%s"' % fmt(GHOST) in i and FIGURE in i]
    arrows = [i for i in items if ACCENT in i]
    figure = [i for i in items if FIGURE in i and i not in ghosts]
    props = [i for i in items if i not in ghosts and i not in arrows and i not in figure]
    return props, ghosts, figure


def start_frame(items):
    props, ghosts, figure = split_items(items)
    if ghosts:
        return props + [g.replace(' opacity="%s"' % fmt(GHOST), "") for g in ghosts]
    return props + figure


def frame_kinds(ex_id, steps):
    kinds, holds_seen = [], 0
    for i, step in enumerate(steps):
        text = step["text"].lower()
        if step["hold_seconds"] > 0:
            holds_seen += 1
            other = ex_id in OTHER_SIDE and holds_seen % 2 == 0
            kinds.append("other" if other else "move")
        elif i == 0 or any(w in text for w in RETURN_WORDS):
            kinds.append("start")
        else:
            kinds.append("move")
    return kinds


def write_frames():
    import tomllib
    with open(os.path.join(OUT, "..", "exercises.toml"), "rb") as f:
        catalog = tomllib.load(f)
    for ex in catalog["exercise"]:
        items = DRAWN[ex["id"]]
        for n, kind in enumerate(frame_kinds(ex["id"], ex["steps"]), start=1):
            frame = {"start": start_frame(items), "move": items, "other": mirror(items)}[kind]
            write_svg("%s-%d" % (ex["id"], n), frame)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    neck_and_shoulders()
    back_and_eyes()
    standing()
    wall_and_doorway()
    on_the_floor()
    hands_and_forearms()
    legs_and_circulation()
    eyes_and_posture()
    write_frames()
