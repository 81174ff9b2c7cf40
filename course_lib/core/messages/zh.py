"""Chinese (简体中文) messages of course_lib: the same keys and fields as ``en.py``."""

MESSAGES = {
    # core.checking
    "check.not_implemented": "尚未实现。请补全上面的函数，运行它所在的单元，再运行本检查。",
    "check.all_pass": "全部 {count} 个用例通过，做得好！",
    "check.case": "第 {index} 个用例（共 {total} 个，{description}）",
    "check.differs": "{case}结果不符。",
    "check.input": "输入：",
    "check.expected": "期望：",
    "check.got": "得到：",
    "check.hint": "提示：",
    "check.raised": "{where}抛出异常 {error}",
    "check.expected_text": "期望完全相同的文本",
    "check.not_a_bool": "期望一个数，而不是 True 或 False",
    "check.expected_none": "期望返回 None 本身",
    "check.expected_bool": "期望返回布尔值（True 或 False）本身",
    "check.returned_none": "函数返回了 None：是否忘了写 `return`？请返回{shape}",
    "check.not_numbers": "结果无法读作数字（{kind}）：请返回{shape}",
    "check.wrong_shape": "期望{expected}，得到{got}",
    "check.difference": "差值（得到 − 期望）：{difference}",
    "check.difference_largest": "最大差值（得到 − 期望）：{difference}",
    "check.a_number": "一个数",
    "check.an_array": "形状为 {shape} 的数组",
    # core.progress
    "progress.static": "{label}：共 {total} 步（在运行中的笔记本里显示为进度条）",
    # core.environment.setup
    "setup.environment": "运行环境：{versions} | Colab：{colab} | BLAS 线程数：1",
    "setup.yes": "是",
    "setup.no": "否",
    "setup.in_range": "所有软件包版本都在测试过的范围内。",
    "setup.problems": "有 {count} 个版本问题，见上面的警告。",
    # core.language
    "language.no_font": "本机没有中文字体，图中的文字保留英文（安装 fonts-noto-cjk 或其他中文字体后重新运行本单元即可显示中文）。",
    # core.interactive: the website's kernel-free player
    "player.grid": "这些设置的每一种组合都已预先画好：本页无需 Python。",
    "player.sweep": "每个控件的各个取值都已预先画好，其余控件保持默认值：移动一个控件会把其他控件恢复为默认值。运行笔记本即可自由组合。",
    "player.subsampled": "共 {total} 个取值中的 {shown} 个",
    # --- lesson 00 (course_lib/start_here) ---
    "start_here.log_axis.caption": ("一个玩具分数（以模型规模的 log10 为自变量的 logistic 曲线；是模型，不是数据），"
                                    "共 13 个规模，从 10^6 到 10^12 个参数。把 x 轴在线性和对数之间切换："
                                    "点和曲线都不变，变的只是间距。"),
    "start_here.log_axis.control_x_axis": "x 轴",
    "start_here.log_axis.control_midpoint": "中点（log10 参数量）",
    "start_here.log_axis.axis_linear": "线性",
    "start_here.log_axis.axis_log": "对数",
    "start_here.log_axis.legend_score": "玩具分数",
    "start_here.log_axis.ylabel": "分数（玩具模型）",
    "start_here.log_axis.xlabel": "参数量（{axis}坐标轴）",
    "start_here.log_axis.title": "同样的 {count} 个模型，x 轴为{axis}坐标",
    "start_here.log_axis.summary_linear": "在这条线性坐标轴上，{total} 个模型中有 {crowded} 个挤在最左侧 5% 的宽度内。",
    "start_here.log_axis.summary_log": "在对数坐标轴上，规模每增大 10 倍都占据相同的宽度。",
    "start_here.mlp_param_count.case_tiny": "极小的网络",
    "start_here.mlp_param_count.case_no_hidden": "没有隐藏单元",
    "start_here.mlp_param_count.case_adder": "宽度为 16 的 4 位数加法器",
    "start_here.mlp_param_count.case_wide": "宽网络",
    "start_here.mlp_param_count.hint": "两个权重矩阵（输入 × 隐藏单元、隐藏单元 × 输出）和两个偏置向量（每个隐藏单元一个、每个输出一个）都要算上",
    "start_here.glossary.header_term": "术语",
    "start_here.glossary.header_other": "英文",
    "start_here.glossary.header_first_lesson": "首次使用",
    "start_here.glossary.header_meaning": "在本课程中的含义",
    # --- end lesson 00 ---
    # --- lesson 01 (course_lib/emergence) ---
    # --- end lesson 01 ---
    # --- lesson 02 (course_lib/mirage) ---
    # --- end lesson 02 ---
    # --- lesson 03 (course_lib/grokking) ---
    # --- end lesson 03 ---
    # --- lesson 04 (course_lib/inverse_scaling) ---
    # --- end lesson 04 ---
    # --- lesson 05 (course_lib/chinchilla) ---
    # --- end lesson 05 ---
    # --- lesson 06 (course_lib/data_quality) ---
    # --- end lesson 06 ---
    # --- lesson 07 (course_lib/memorisation) ---
    # --- end lesson 07 ---
}
