"""The style of Limber's exercise pictures (config/illustrations/README.md):
colours, strokes, props, base poses and the SVG writer, shared by
draw_illustrations.py."""
import math
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "config", "illustrations")

BACKDROP = "#e4ebf2"   # soft rounded tile: the same look on light and dark themes
FIGURE = "#2d5b88"     # the person
PROP = "#9fadbb"       # chair, wall, doorway, floor, band, towel
ACCENT = "#e2711d"     # the movement
GHOST = 0.3            # opacity of the second (start or end) pose
BODY_W = 9             # limb and torso stroke
PROP_W = 5
ARROW_W = 4
HEAD_R = 10


def fmt(v):
    return ("%.1f" % v).rstrip("0").rstrip(".")


def pts(points):
    return " ".join(fmt(x) + "," + fmt(y) for x, y in points)


def line(points, color, width, opacity=1.0):
    op = "" if opacity >= 1 else ' opacity="%s"' % fmt(opacity)
    return ('<polyline points="%s" fill="none" stroke="%s" stroke-width="%s" '
            'stroke-linecap="round" stroke-linejoin="round"%s/>' % (pts(points), color, width, op))


def disc(c, r, color, opacity=1.0):
    op = "" if opacity >= 1 else ' opacity="%s"' % fmt(opacity)
    return '<circle cx="%s" cy="%s" r="%s" fill="%s"%s/>' % (fmt(c[0]), fmt(c[1]), fmt(r), color, op)


def person(head, limbs, ghost=False):
    """A figure: a head and polylines (torso, arms, legs) in one stroke."""
    op = GHOST if ghost else 1.0
    return [line(l, FIGURE, BODY_W, op) for l in limbs] + [disc(head, HEAD_R, FIGURE, op)]


def prop(points, width=PROP_W):
    return line(points, PROP, width)


def floor(y=148):
    return [prop([(12, y), (148, y)])]


def arrowhead(tip, frm):
    dx, dy = tip[0] - frm[0], tip[1] - frm[1]
    n = math.hypot(dx, dy) or 1
    ux, uy = dx / n, dy / n
    base = (tip[0] - ux * 9, tip[1] - uy * 9)
    a = (base[0] - uy * 6, base[1] + ux * 6)
    b = (base[0] + uy * 6, base[1] - ux * 6)
    tipx = (tip[0] + ux * 2, tip[1] + uy * 2)
    return '<path d="M%s,%s L%s,%s L%s,%s Z" fill="%s"/>' % (
        fmt(tipx[0]), fmt(tipx[1]), fmt(a[0]), fmt(a[1]), fmt(b[0]), fmt(b[1]), ACCENT)


def arrow(p0, ctrl, p1, both=False):
    """A curved accent arrow from p0 to p1 (quadratic, through ctrl)."""
    # Shorten the curve under the heads so the round cap does not poke out.
    def toward(p, q, d):
        dx, dy = q[0] - p[0], q[1] - p[1]
        n = math.hypot(dx, dy) or 1
        return (p[0] + dx / n * d, p[1] + dy / n * d)
    end = toward(p1, ctrl, 6)
    start = toward(p0, ctrl, 6) if both else p0
    out = ['<path d="M%s,%s Q%s,%s %s,%s" fill="none" stroke="%s" stroke-width="%s" '
           'stroke-linecap="round"/>' % (fmt(start[0]), fmt(start[1]), fmt(ctrl[0]), fmt(ctrl[1]),
                                          fmt(end[0]), fmt(end[1]), ACCENT, ARROW_W)]
    out.append(arrowhead(p1, ctrl))
    if both:
        out.append(arrowhead(p0, ctrl))
    return out


def straight(p0, p1, both=False):
    mid = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
    return arrow(p0, mid, p1, both)


def circle_arrow(c, r, a0, a1):
    """An arc arrow around c from angle a0 to a1 (degrees, clockwise on screen)."""
    p = lambda a: (c[0] + r * math.cos(math.radians(a)), c[1] + r * math.sin(math.radians(a)))
    start, end = p(a0), p(a1 - 12 if a1 > a0 else a1 + 12)
    sweep = 1 if a1 > a0 else 0
    large = 1 if abs(a1 - a0) > 180 else 0
    out = ['<path d="M%s,%s A%s,%s 0 %d,%d %s,%s" fill="none" stroke="%s" stroke-width="%s" '
           'stroke-linecap="round"/>' % (fmt(start[0]), fmt(start[1]), fmt(r), fmt(r), large, sweep,
                                          fmt(end[0]), fmt(end[1]), ACCENT, ARROW_W)]
    out.append(arrowhead(p(a1), p(a1 - 14 if a1 > a0 else a1 + 14)))
    return out


# ---------------------------------------------------------------- props

def chair_side(flip=False):
    """A chair seen from the side, backrest on the left (right if flip)."""
    items = [prop([(46, 102), (92, 102)]), prop([(48, 102), (42, 58)]),
             prop([(50, 102), (50, 148)]), prop([(88, 102), (88, 148)])]
    return mirror(items) if flip else items


def chair_front():
    return [prop([(56, 66), (56, 104)]), prop([(104, 66), (104, 104)]),
            prop([(50, 106), (110, 106)]), prop([(56, 106), (56, 148)]),
            prop([(104, 106), (104, 148)])]


def wall(x=130):
    return ['<rect x="%s" y="14" width="10" height="136" rx="3" fill="%s"/>' % (fmt(x), PROP)]


def mirror(items):
    return ['<g transform="matrix(-1 0 0 1 160 0)">'] + items + ['</g>']


# ---------------------------------------------------------------- poses
# Front view, seated: shoulders at y 56, hips at y 100.
def seated_front(head=(80, 38), larm=None, rarm=None, shoulders=56):
    sh = shoulders
    limbs = [[(64, sh), (96, sh)], [(80, sh - 2), (80, 98)], [(70, 100), (90, 100)],
             [(70, 100), (68, 112), (66, 146)], [(90, 100), (92, 112), (94, 146)],
             larm or [(64, sh), (59, sh + 22), (62, 98)],
             rarm or [(96, sh), (101, sh + 22), (98, 98)]]
    return head, limbs


# Side view, seated on chair_side(), facing right.
def seated_side(head=(70, 38), arm=None, torso=None):
    torso = torso or [(64, 56), (58, 96)]
    limbs = [torso, [(58, 96), (98, 96), (100, 144), (110, 144)],
             arm or [(torso[0][0], torso[0][1] + 2), (70, 80), (92, 90)]]
    return head, limbs


def standing_front(head=(80, 28), larm=None, rarm=None, sh=48):
    limbs = [[(64, sh), (96, sh)], [(80, sh - 2), (80, 92)], [(70, 94), (90, 94)],
             [(70, 94), (68, 120), (66, 146)], [(90, 94), (92, 120), (94, 146)],
             larm or [(64, sh), (58, sh + 24), (56, 94)],
             rarm or [(96, sh), (102, sh + 24), (104, 94)]]
    return head, limbs


def standing_side(x=78, head=None, arm=None, torso_top=None, lean=0):
    top = torso_top or (x + lean, 44)
    limbs = [[top, (x, 92)], [(x, 92), (x + 2, 120), (x, 146), (x + 12, 146)],
             arm or [(top[0], top[1] + 2), (top[0] + 2, 70), (top[0] + 6, 92)]]
    return head or (top[0] + 2, 28), limbs


DRAWN = {}  # id -> the items of its pictogram, for the step frames


def draw(id_, items):
    DRAWN[id_] = list(items)
    write_svg(id_, items)


def write_svg(name, items):
    body = "\n  ".join(items)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" width="160" height="160">\n'
           '  <rect x="4" y="4" width="152" height="152" rx="26" fill="%s"/>\n  %s\n</svg>\n'
           % (BACKDROP, body))
    with open(os.path.join(OUT, name + ".svg"), "w") as f:
        f.write(svg)


def fig(pose, ghost=False):
    return person(pose[0], pose[1], ghost)
