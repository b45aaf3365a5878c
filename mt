version = 1
date = 2026-11-22

[assessment]

[skills]
knowing_yourself = { practised = false }
setting_goals = { practised = false }
adapting_work_style = { practised = false }
planning_and_managing = { practised = false }
decision_making = { practised = false }
confidence = { practised = false }
collaboration = { practised = false }
being_proactive = { practised = false }
productivity = { practised = false }

[next_steps]
doing_right = []
do_more = []
wish_boss = []

[follow_up]
from = 2026-09-01
items = [
    { text = "Keep the shared calendar honest — 会議の準備" },
    { text = "Say what a yes would push back" },
    { text = "Book a monthly conversation about growth" },
]
