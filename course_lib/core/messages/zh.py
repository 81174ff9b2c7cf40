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
