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
    "setup.python_old": "Python {version} 早于 3.10",
    "setup.missing": "没有安装 {name}",
    "setup.out_of_range": "{name} {version} 不在测试过的版本范围 {range} 内",
    "setup.problem_warning": "course_lib.setup：{problem}；课程可能无法按文中所写的那样运行。",
    # core.score_tables
    "scores.emergence_heading": ("<b>涌现分数</b>（Schaeffer et al. 2023，式 1）：总升幅除以典型的单步变化；"
                                 "多数步都很小时（跃升之前或饱和之后）它就很大。"),
    # core.language
    "language.no_font": "本机没有中文字体，图中的文字保留英文（安装 fonts-noto-cjk 或其他中文字体后重新运行本单元即可显示中文）。",
    # core.interactive: the website's kernel-free player
    "player.grid": "这些设置的每一种组合都已预先画好：本页无需 Python。",
    "player.sweep": "每个控件的各个取值都已预先画好，其余控件保持默认值：移动一个控件会把其他控件恢复为默认值。运行笔记本即可自由组合。",
    "player.subsampled": "共 {total} 个取值中的 {shown} 个",
    # tools/build_site.py: the course website's own words
    "site.launch": "运行本课：",
    "site.colab": "在 Colab 中打开",
    "site.binder": "在 Binder 中打开",
    "site.github": "GitHub 上的笔记本",
    "site.other_language": "English",
    "site.lessons": "课程",
    "site.part": "中文版",
    "site.glossary_title": "术语表",
    "site.glossary_source": "摘自[第 00 课]({notebook})，课程在那里介绍它的术语。",
    "site.failed": ("```{{warning}}\n构建网站时本课运行失败，因此这里缺少它的输出和图：{error}\n```"),
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
    "start_here.log_axis.summary_log": "在对数坐标轴上，规模每相差 10 倍都占据相同的宽度。",
    "start_here.mlp_param_count.case_tiny": "极小的网络",
    "start_here.mlp_param_count.case_no_hidden": "没有隐藏单元",
    "start_here.mlp_param_count.case_adder": "宽度为 16 的 4 位数加法器",
    "start_here.mlp_param_count.case_wide": "宽网络",
    "start_here.mlp_param_count.hint": "两个权重矩阵（输入 × 隐藏单元、隐藏单元 × 输出）和两个偏置向量（每个隐藏单元一个、每个输出一个）都要算上",
    "start_here.glossary.header_term": "术语",
    "start_here.glossary.header_other": "英文",
    "start_here.glossary.header_first_lesson": "首次出现的课",
    "start_here.glossary.header_meaning": "在本课程中的含义",
    # --- end lesson 00 ---
    # --- lesson 01 (course_lib/emergence) ---
    # plots.plot_emergent_scales: Wei et al. 的表 1
    "emergence.table_1.legend_few_shot": "少样本任务",
    "emergence.table_1.legend_augmented": "增强提示 / 微调",
    "emergence.table_1.xlabel": "能力涌现时的训练 FLOPs（对数轴）",
    "emergence.table_1.title": "Wei et al. (2022) 表 1：有名称的 {count} 行",
    # plots.plot_all_steps_right
    "emergence.all_steps.legend_one": "单步正确（单步准确率）",
    "emergence.all_steps.legend_all": "{steps} 步全部正确",
    "emergence.all_steps.xlabel": "模型规模（玩具单位，对数轴）",
    "emergence.all_steps.ylabel": "概率（玩具模型）",
    "emergence.all_steps.title": "只给最终答案评分，会掩盖稳步的进展",
    # demos.EmergenceDemo
    "emergence.panel.caption": ("每个标记是一个训练好的模型（只有一个隐藏层的网络；越靠右的标记，网络越宽、参数越多）。"
                                "实线：模型直接写出答案；虚线：一个单步网络根据一对数位和它上一步写出的进位，"
                                "写出这一位数字和下一个进位。点线是随机猜数字能得到的分数。"),
    "emergence.panel.control_metric": "指标",
    "emergence.panel.control_digits": "每个数的位数",
    "emergence.panel.control_grid": "模型规模取样",
    "emergence.panel.metric_exact_match": "精确匹配",
    "emergence.panel.metric_per_digit_accuracy": "逐位准确率",
    "emergence.panel.metric_edit_distance": "编辑距离",
    "emergence.panel.ylabel_exact_match": "精确匹配（所有数位全对）",
    "emergence.panel.ylabel_per_digit_accuracy": "逐位准确率",
    "emergence.panel.ylabel_edit_distance": "词元编辑距离（需要修正的数位个数）",
    "emergence.panel.grid_dense": "密集",
    "emergence.panel.grid_sparse": "稀疏",
    "emergence.panel.kind_direct": "直接作答",
    "emergence.panel.kind_scratchpad": "使用草稿纸（写出进位）",
    "emergence.panel.legend_random": "随机猜数字",
    "emergence.panel.xlabel": "参数量（对数轴）",
    "emergence.panel.title": "{n_digits} 位数加法：{metric}随模型规模的变化（规模网格：{grid}）",
    "emergence.panel.summary": ("每条曲线的<b>涌现分数</b>（越高越突然；超过一半的单步变化为零时记为 ±∞；"
                                "编辑距离按 &minus;距离计分，使向上表示更好）。"),
    "emergence.panel.column_family": "模型族",
    "emergence.panel.column_crossing": "第一个精确匹配 &ge; 0.5 的模型的参数量",
    "emergence.panel.column_models": "模型数",
    "emergence.panel.not_reached": "未达到",
    "emergence.panel.no_score": "无",
    # training：进度条，以及 make cache 的报告
    "emergence.train.progress": "训练 {n_digits} 位数的{kind}模型族",
    "emergence.train.kind_direct": "直接作答",
    "emergence.train.kind_scratchpad": "草稿纸",
    "emergence.train.kind_direct_carries": "给出进位的直接作答",
    "emergence.train.kind_step_no_carry": "无进位单步",
    "emergence.cache.seed_family": "{n_digits} 位数 {kind} 种子 {seed}：{count} 种宽度，用时 {seconds:5.1f} 秒",
    "emergence.cache.family": ("{n_digits} 位数 {kind}：{count} 种宽度，用时 {seconds:5.1f} 秒；"
                               "精确匹配 {first:.4f} .. {last:.4f}"),
    "emergence.cache.wrote": "已写入 {path}（{megabytes:.2f} MB），用时 {seconds:.1f} 秒",
    # checks：练习 1.1（all_steps_right）
    "emergence.all_steps_right.case_one": "一步",
    "emergence.all_steps_right.case_two": "两步",
    "emergence.all_steps_right.case_five_half": "p = 0.5 时的五步",
    "emergence.all_steps_right.case_always_right": "总是做对的步骤",
    "emergence.all_steps_right.case_twenty": "二十步",
    "emergence.all_steps_right.hint": "如果每一步做对的概率都是 p，且相互独立，那么 k 步全对的概率是 p * p * ... * p（k 个相乘）",
    # checks：练习 1.2（emergence_score）
    "emergence.emergence_score.case_steady": "稳步上升",
    "emergence.emergence_score.case_jump": "先平坦，再一次跃升",
    "emergence.emergence_score.case_unordered": "规模没有按顺序给出",
    "emergence.emergence_score.case_falling": "下降的曲线得分为负",
    "emergence.emergence_score.case_peak": "在最大的模型之前就达到峰值的曲线（用 max - min，而不是 last - first）",
    "emergence.emergence_score.case_dip": "峰值之后跌到起点以下的曲线（最小值在最后：符号为负）",
    "emergence.emergence_score.hint": ("先按规模给各点排序；分母是相邻两点之间单步变化的平方的中位数的平方根；"
                                       "符号取 argmax(y) - argmin(y) 的符号"),
    # checks：练习 1.3（exact_match）
    "emergence.exact_match.case_one_right": "两个答案，一个正确",
    "emergence.exact_match.case_one_digit_wrong": "只错一位，仍然得 0 分",
    "emergence.exact_match.case_short": "预测少了一个词元",
    "emergence.exact_match.case_long": "预测多了一个词元",
    "emergence.exact_match.case_strings": "字符串词元",
    "emergence.exact_match.case_joined": "拼起来是同一个字符串的词元，仍然是不同的词元",
    "emergence.exact_match.hint": ("只有长度与目标相同、且每个词元都与目标相同时，答案才得 1 分；"
                                   "为每个样例返回一个 0/1 值（例如 np.array([...])）"),
    # --- end lesson 01 ---
    # --- lesson 02 (course_lib/mirage) ---
    # the toy model's demo (§2)
    "mirage.toy.caption": (
        "这是玩具模型，不是数据：一个随规模平滑提高的逐词元准确率，分别用全部 <i>L</i> 个词元上的"
        "精确匹配（左）和词元编辑距离（右）打分；曲线是模型的期望值，标记是按所选题数抽取的一个随机测试集。"
        "<i>密集 ÷ L<sup>1/|α|</sup></i> 给小这么多倍的模型打分：在那里，编辑距离的形状正是精确匹配"
        "在密集网格上的形状。"),
    "mirage.toy.control_length": "目标长度 L（词元数）",
    "mirage.toy.control_alpha": "损失指数 α",
    "mirage.toy.control_items": "测试题数",
    "mirage.toy.control_sizes": "模型规模",
    "mirage.toy.control_axis": "准确率坐标轴",
    "mirage.toy.control_seed": "测试集种子",
    "mirage.toy.sizes_dense": "密集",
    "mirage.toy.sizes_sparse": "稀疏",
    "mirage.toy.sizes_rescaled": "密集 ÷ L^(1/|α|)",
    "mirage.toy.axis_linear": "线性",
    "mirage.toy.axis_log": "对数",
    "mirage.toy.legend_expected": "模型（期望值）",
    "mirage.toy.legend_measured": "在一个测试集上测得",
    "mirage.toy.xlabel": "模型规模 N（参数量）",
    "mirage.toy.title_exact_match": "精确匹配（p 的非线性函数）",
    "mirage.toy.ylabel_exact_match": "准确率",
    "mirage.toy.title_edit_distance": "词元编辑距离（p 的线性函数）",
    "mirage.toy.ylabel_edit_distance": "编辑距离（越低越好）",
    "mirage.toy.rescaled_note": (
        "这些规模上不显示精确匹配：\n大多数值小到根本看不见\n（最小为 {smallest:.0e}）；"
        "请把这里的编辑距离\n与“密集”网格上的精确匹配相比较"),
    "mirage.toy.zero_note": "{total} 个规模中有 {zeros} 个测得精确匹配为 0\n（分辨率 1/{items:,}）",
    "mirage.toy.summary_note": "编辑距离取负，使改进计为正值；±∞ 表示超过一半的单步变化为零。",
    "mirage.toy.summary_rescaled": (
        "{note}精确匹配：在这些规模上不适用（数值低至 1e-300 乃至更低，此时的分数只是舍入误差的产物）。"),
    "mirage.toy.curve_expected": "模型（期望值）",
    "mirage.toy.curve_measured": "测得（{items:,} 道题）",
    "mirage.toy.metric_exact_match": "精确匹配",
    "mirage.toy.metric_edit_distance": "编辑距离（取负）",
    # the adders' demo (§3)
    "mirage.adders.caption": (
        "左：4 位数加法器的精确匹配，分别在所选数量的测试题上测得（标记；底部的空心三角表示“测得 0”）、"
        "在全部 100,000 道题上测得（实线），以及各位置准确率之积（虚线）。"
        "右：一个固定模型在其答案前 <i>k</i> 位上的得分（标记），以及仅由它在第一位上的准确率 <i>p</i> "
        "得出的预测（虚线：精确匹配为 <i>p</i><sup><i>k</i></sup>，"
        "错误位数为 <i>k</i>(1&minus;<i>p</i>)）。"),
    "mirage.adders.control_items": "测试题数",
    "mirage.adders.control_block": "第几块测试题",
    "mirage.adders.control_model": "固定模型（右图）",
    "mirage.adders.control_metric": "右图",
    "mirage.adders.model_scratchpad": "草稿纸",
    "mirage.adders.model_direct": "直接",
    "mirage.adders.figure_model_scratchpad": "草稿纸",
    "mirage.adders.figure_model_direct": "直接",
    "mirage.adders.metric_exact_match": "精确匹配",
    "mirage.adders.metric_digits_wrong": "错误位数",
    "mirage.adders.legend_all": "全部 100,000 道题",
    "mirage.adders.legend_product": "各位置准确率之积",
    "mirage.adders.legend_measured": "测得",
    "mirage.adders.legend_zero": "测得 0",
    "mirage.adders.xlabel_resolution": "参数量（对数轴）",
    "mirage.adders.ylabel_resolution": "精确匹配（对数轴）",
    "mirage.adders.legend_prediction": "由长度 1 得出的预测",
    "mirage.adders.xlabel_length": "目标长度 k（答案的前 k 位）",
    "mirage.adders.title_resolution": "分辨率：{items:,} 道测试题（{total} 个模型中有 {zeros} 个读数为 0）",
    "mirage.adders.title_length": "一个{model}模型；k = 1 时 p = {p:.3f}",
    "mirage.adders.ylabel_exact_match": "前 k 位的精确匹配（对数）",
    "mirage.adders.ylabel_digits_wrong": "前 k 位中错误的位数",
    "mirage.adders.curve": "4 位数加法器",
    "mirage.adders.metric_measured": "精确匹配，{items:,} 道题",
    "mirage.adders.metric_all": "精确匹配，100,000 道题",
    "mirage.adders.metric_per_digit": "逐位准确率",
    "mirage.adders.summary_note": "测试题很少时，最小的几个模型读数恰好为 0：曲线看起来先是平的，然后跃升。",
    # the digit demos (§4, §5): shared words
    "mirage.digits.control_family": "模型族",
    "mirage.digits.control_grid": "训练的宽度",
    "mirage.digits.grid_dense": "密集",
    "mirage.digits.grid_sparse": "稀疏",
    "mirage.digits.grid_curve": "{grid}网格（{count} 种宽度）",
    "mirage.digits.family_random_features": "随机特征",
    "mirage.digits.family_trained_mlp": "已训练 MLP",
    "mirage.digits.family_pca": "PCA",
    "mirage.digits.family_nonlinear": "非线性自编码器",
    "mirage.digits.xlabel_parameters": "参数量",
    # subset accuracy (§4a)
    "mirage.subset.caption": (
        "宽度逐渐增大的手写数字分类器（各种子的平均）：测试图像被正确分类的比例（左），"
        "以及随机抽取的 <i>K</i> 张测试图像全部被正确分类的概率（右）。"
        "参数量计入每一个权重和偏置，包括随机特征中固定的那些。"),
    "mirage.subset.control_k": "K（必须全部答对的图像数）",
    "mirage.subset.legend_chance": "随机猜测",
    "mirage.subset.title_accuracy": "逐样本准确率",
    "mirage.subset.ylabel_accuracy": "准确率",
    "mirage.subset.ylabel_subset": "子集准确率",
    "mirage.subset.title_subset": "随机抽取的 {k} 张测试图像全部正确",
    "mirage.subset.metric_accuracy": "准确率",
    "mirage.subset.metric_subset": "{k} 张全对",
    "mirage.subset.summary_note": "模型族：{family}；图中显示的是{shown}。",
    # reconstruction (§4b)
    "mirage.reconstruction.caption": (
        "瓶颈逐渐增大的自编码器：测试数字图像上的平均重建误差（左；虚线位于 c 处），"
        "以及重建误差低于 c 的测试图像所占比例（右）。"),
    "mirage.reconstruction.control_c": "阈值 c（每像素 MSE）",
    "mirage.reconstruction.xlabel": "瓶颈单元数 k",
    "mirage.reconstruction.title_error": "平均重建误差",
    "mirage.reconstruction.ylabel_error": "每像素均方误差",
    "mirage.reconstruction.ylabel_rate": "测试图像所占比例",
    "mirage.reconstruction.title_rate": "Reconstruction_c：误差低于 c = {c:.3f}",
    "mirage.reconstruction.metric_error": "平均误差（取负）",
    "mirage.reconstruction.metric_rate": "Reconstruction_c，c={c:.3f}",
    "mirage.reconstruction.summary_note": "图中显示的模型族：{family}；平均误差取负，使改进计为正值。",
    # multiple choice (§5)
    "mirage.choice.caption": (
        "同一组分类器输出随宽度增大的得分（各种子的平均）：全有或全无的多项选择评分与连续的 Brier 分数"
        "（左；点线：均匀随机猜测），以及正确选项与最好的错误选项的平均对数概率（右）。"),
    "mirage.choice.control_options": "每题选项数",
    "mirage.choice.legend_grade": "评分（越高越好）",
    "mirage.choice.legend_brier": "Brier 分数（越低越好）",
    "mirage.choice.legend_correct": "正确选项",
    "mirage.choice.legend_wrong": "最好的错误选项",
    "mirage.choice.ylabel_scores": "分数",
    "mirage.choice.ylabel_log_prob": "对数概率（nats）",
    "mirage.choice.title_log_prob": "平均对数概率",
    "mirage.choice.title_scores": "评分与 Brier 分数，每题 {options} 个选项",
    "mirage.choice.metric_grade": "多项选择评分",
    "mirage.choice.metric_brier": "Brier 分数（取负）",
    "mirage.choice.metric_log_prob": "正确选项的对数概率",
    "mirage.choice.metric_gap": "对数概率差距",
    "mirage.choice.summary_note": "Brier 分数取负，使改进计为正值；差距是正确选项减去最好的错误选项。",
    # progress bars of the families trained live
    "mirage.progress.random_features": "随机特征族，种子",
    "mirage.progress.mlp": "MLP 族，模型",
    "mirage.progress.autoencoders": "自编码器族，瓶颈大小",
    # the synthesis (§7): curve names, the checklist table, the figure, the reasons
    "mirage.synthesis.name_exact_match": "精确匹配",
    "mirage.synthesis.name_per_token": "逐词元准确率",
    "mirage.synthesis.name_per_digit": "逐位准确率",
    "mirage.synthesis.name_per_image": "逐图像准确率",
    "mirage.synthesis.name_subset": "{k} 张图像全对",
    "mirage.synthesis.table_header_1":
        "曲线   一步之内完成的升幅占比                   取 0 的规模  分辨率     种子   逐样本最大一步",
    "mirage.synthesis.table_header_2":
        "       分数   log10 分数   逐样本，各种子       （任一种子）                   位置（其后的参数量）",
    "mirage.synthesis.not_available": "无",
    "mirage.synthesis.table_note_expected": "* {label}：取的是期望分数（测试题无限多）的 log10；测得的 0 无法取对数",
    "mirage.synthesis.title_log": "同上，对数 y 轴",
    "mirage.synthesis.title_log_zeros": "对数 y 轴（▽ 为 0）",
    "mirage.synthesis.title_log_zeros_expected": "对数 y 轴（▽ 为 0，-- 为期望值）",
    "mirage.synthesis.reason_a": (
        "用“30 张图像全对”打分的随机特征手写数字分类器（§4a）：它们的逐图像准确率在三个数量级的规模上逐渐上升；"
        "跃升是全有或全无的指标造成的"),
    "mirage.synthesis.reason_b": (
        "用精确匹配打分的第 01 课草稿纸加法器：它们的逐位准确率本身就在跃升，4 个种子都在宽度 2 和 3 之间"),
    "mirage.synthesis.reason_c": (
        "§2 的玩具模型，在 100 道题上用 15 个词元的精确匹配打分：逐词元准确率平滑上升；"
        "在对数 y 轴上，精确匹配从最小的规模起就在上升，那些 0 是分辨率造成的"),
    "mirage.synthesis.reason_d": (
        "用“5 张图像全对”打分的已训练手写数字 MLP：它们的逐图像准确率本身就在跃升，每个种子都是如此"
        "（种子 0 在宽度 1 到 2 之间，其余在 2 到 3 之间；§4a、§5），Brier 分数和正确类别的对数概率也是如此"),
    "mirage.synthesis.reason_e": (
        "用精确匹配打分的 4 位数直接加法器（§3）：逐位准确率的上升中没有各种子共有的跃升；"
        "在种子 0 中，其最大的一步是一个中等幅度的真实台阶，被精确匹配（各位置准确率之积）放大了"
        "（第三种情况：指标放大了一个中等幅度的真实台阶）"),
    # checks: exercise 2.1
    "mirage.toy_exact_match.case_one": "一个词元",
    "mirage.toy_exact_match.case_five": "五个词元",
    "mirage.toy_exact_match.case_perfect": "完美的模型",
    "mirage.toy_exact_match.case_many": "一次传入多个逐词元准确率",
    "mirage.toy_exact_match.hint": (
        "只有 `length` 个词元全部正确，答案才算对，每个词元各自独立地以概率 p_token 正确；"
        "numpy 的 ** 对数组同样适用"),
    # checks: exercise 4.1
    "mirage.subset_sampling.case_most": "200 个中答对 150 个，K = 5",
    "mirage.subset_sampling.case_all_items": "10 个中答对 9 个，K = 10：十个互不相同的样本必然包含答错的那个",
    "mirage.subset_sampling.case_half": "答对一半，K = 2",
    "mirage.subset_sampling.case_tolerance":
        "{case}；{draws:,} 次抽取的估计必须落在精确值 {exact:.4f} 的 ±{tolerance:.3f} 之内",
    "mirage.subset_sampling.hint": (
        "每次抽取选出 k 个不同的样本（rng.choice(n, size=k, replace=False)），"
        "如果它们全部正确，这次抽取就算成功；返回成功抽取所占的比例。"
        "抽样得到的答案与精确值 C(c, k) / C(n, k) 相差不超过四个标准误即可通过。"),
    # checks: exercise 4.2
    "mirage.emergent_metric.where": "你的指标",
    "mirage.emergent_metric.where_shuffled": "你的指标（同样的行打乱顺序后）",
    "mirage.emergent_metric.not_numbers": "应返回数值，每个模型一个，得到的是 {got}",
    "mirage.emergent_metric.wrong_shape": "应为每个模型一个值，形状 ({count},)，得到的形状是 {shape}",
    "mirage.emergent_metric.out_of_range": "取值必须在 [0, 1] 之内，得到的最小值为 {low:.3g}，最大值为 {high:.3g}",
    "mirage.emergent_metric.not_absent":
        "在小模型中已经出现：宽度 {width} 处为 {value:.3f}（宽度不超过 16 时必须 <= 0.05）",
    "mirage.emergent_metric.not_present": "在最大的模型中没有出现：宽度 {width} 处为 {value:.3f}（必须 >= 0.3）",
    "mirage.emergent_metric.fails_shuffled": "模型的行换一种顺序时，它会出错",
    "mirage.emergent_metric.not_per_model": (
        "同样的模型行换一种顺序后，它没有按该顺序给出同样的值：指标必须由每个模型的输出算出，"
        "而不是由模型所在的位置决定"),
    "mirage.emergent_metric.separator": "；",
    "mirage.emergent_metric.failed": "{name}：{problems}。\n  同样这些模型的普通准确率：{accuracies}",
    "mirage.emergent_metric.hint": "对每个模型要求更多：许多测试图像同时答对，或者给由许多图像算出的分数设一个很高的门槛。",
    "mirage.emergent_metric.passed": (
        "{name}：涌现了！宽度不超过 16 时至多为 {small:.3f}，宽度 {width} 处为 {largest:.2f}，"
        "而普通准确率从 {first:.2f} 平滑上升到 {last:.2f}。"),
    # checks: exercise 7.1
    "mirage.jump_verdict.hint": (
        "每条曲线的分数都会在某处跃升；对每条曲线要问的是模型的输出是否变化很快，而不是分数是否变化很快。"
        "看同一组输出上的逐样本平均（curve.per_item，每个种子一行）：它是否在每个种子中都在相邻规模之间的"
        "一步里完成了其全部升幅的一大部分，并且位于相同或相邻的规模"
        "（检查清单中“逐样本，各种子”和“逐样本最大一步位置”两列）？"),
    "mirage.jump_verdict.case_curve": "曲线 {label}",
    "mirage.jump_verdict.case_steady": "B 的分数配上稳步变化的逐样本平均",
    "mirage.jump_verdict.case_step": "A 的分数配上每个种子都有台阶的逐样本平均",
    "mirage.jump_verdict.not_a_verdict": "{name}：{case}：应返回字符串 'real' 或 'metric'，得到的是 {got}",
    "mirage.jump_verdict.hint_verdict": "模型本身变化很快时返回 \"real\"，否则返回 \"metric\"。",
    "mirage.jump_verdict.same_place": "位于相同或相邻的规模",
    "mirage.jump_verdict.apart": "位于相隔的规模",
    "mirage.jump_verdict.wrong": (
        "  {case}：应为 '{verdict}'，得到的是 '{got}'（逐样本平均，各种子一步之内完成的升幅占比：{shares}，"
        "{place}；分数：{score:.2f}；{sizes} 个规模中有 {zeros} 个读数为 0）"),
    "mirage.jump_verdict.differ": "{name}：{total} 个判断中有 {count} 个不同。",
    "mirage.jump_verdict.passed": "{name}：全部 {count} 个用例通过，每个判断都正确。原因如下：",
    "mirage.jump_verdict.reason": "  {label}（{verdict}）：{reason}。",
    "mirage.jump_verdict.swapped": "  以及两条交换过的曲线：分数相同，只凭逐样本平均来判断。",
    # --- end lesson 02 ---
    # --- lesson 03 (course_lib/grokking) ---
    # words shared by the lesson's figures
    "grokking.axis.training_step": "训练步数",
    "grokking.axis.accuracy": "准确率",
    "grokking.axis.cross_entropy": "交叉熵",
    "grokking.title.accuracy": "准确率",
    "grokking.legend.train": "训练",
    "grokking.legend.test": "测试",
    # demos.TrainingStepDemo
    "grokking.step.caption": ("一次训练运行在所选步数（灰线）处的状态：训练与测试准确率，步数轴为对数坐标（左上）；"
                              "权重范数，即所有权重平方和的平方根，步数轴为从第 0 步开始的线性坐标，y 轴从 0 开始（右上）；"
                              "以及所选步数时嵌入在每个频率 k 上的功率份额（下）。带斜线的柱子是最终网络的关键频率；"
                              "图中的注释列出所选步数时最强的几个频率。"),
    "grokking.step.control_step": "训练步数",
    "grokking.step.norm_axis": "‖全部权重‖",
    "grokking.step.norm_title": "权重范数",
    "grokking.step.legend_keys": "最终网络的关键频率",
    "grokking.step.legend_other": "其他频率",
    "grokking.step.spectrum_axis": "频率 k（余数 x 上的波 cos(2πk·x/p)）",
    "grokking.step.spectrum_share": "功率份额",
    "grokking.step.spectrum_title": "嵌入的傅里叶功率",
    "grokking.step.note": ("第 {step} 步：训练 {train:.0%}，测试 {test:.0%}\n"
                           "当前最强的 {count} 个：{top}（占功率的 {top_share:.0%}）\n"
                           "最终关键频率（斜线）：{key_share:.0%}"),
    # demos.PhaseDiagramDemo
    "grokking.phase.caption": ("左：对每个训练比例和权重衰减，若 3 个种子都达到了 95 % 的测试准确率，"
                               "颜色表示测试准确率首次达到 95 % 的步数中位数（按色条的对数刻度），下方是延迟的中位数，"
                               "即泛化所需步数 ÷ 记忆所需步数；带斜线的白色格子标出在预算内达到的种子数。"
                               "黑框是所选的格子。右：该格子的 3 次运行，测试准确率（实线）和训练准确率（点线），"
                               "步数轴为对数坐标。"),
    "grokking.phase.control_fraction": "训练比例",
    "grokking.phase.control_decay": "权重衰减",
    "grokking.phase.colour_bar": "测试准确率达 95 % 的步数中位数",
    "grokking.phase.cell_never": "未达到",
    "grokking.phase.cell_some": "{seeds} 个中 {grokked} 个",
    "grokking.phase.fraction_axis": "训练比例",
    "grokking.phase.decay_axis": "权重衰减 λ",
    "grokking.phase.map_title": "测试准确率达 95 % 的步数中位数与延迟（p = {p}）",
    "grokking.phase.seed": "种子 {seed}",
    "grokking.phase.runs_title": "所选格子的运行",
    "grokking.phase.note": "{seeds} 个种子中 {grokked} 个达到 95 % 测试准确率",
    "grokking.phase.note_steps": "步数：{steps}",
    "grokking.phase.note_budget": "（在 {budget} 步之内）",
    # figures.plot_history
    "grokking.history.loss_title": "损失",
    "grokking.history.memorised": "训练 100%\n第 {step} 步",
    "grokking.history.generalised": "测试 95%\n第 {step} 步",
    # figures.plot_progress_measures (the phases are timeline.toy_phases')
    "grokking.phases.memorization": "记忆",
    "grokking.phases.circuit_formation": "电路形成",
    "grokking.phases.cleanup": "清理",
    "grokking.progress.phase": "{name}（第 {start}-{end} 步）",
    "grokking.progress.restricted": "受限损失（测试）",
    "grokking.progress.excluded": "排除损失（训练）",
    "grokking.progress.loss_title": "损失与 Nanda et al. 的进展度量",
    "grokking.progress.key_share": "关键频率的份额",
    "grokking.progress.test_accuracy": "测试准确率",
    "grokking.progress.share_axis": "比例（0 到 1）",
    "grokking.progress.share_title": "{count} 个最终关键频率的功率份额，\n以及测试准确率",
    # checks
    "grokking.check.adamw_first_step": "第一步：一个数，笔记本中已手算过",
    "grokking.check.adamw_no_decay": "第一步，无权重衰减（即普通的 Adam）",
    "grokking.check.adamw_step_10": "第 10 步，滑动平均已有值（偏差校正起作用）",
    "grokking.check.adamw_strong_decay": "第 3 步，强衰减，另一组 beta",
    "grokking.check.adamw_zero_gradient": "梯度为零：只有衰减起作用",
    "grokking.check.adamw_hint": ("先更新 m 和 v，分别除以 (1 - beta1**t) 和 (1 - beta2**t)，再计算 "
                                  "param - lr * (m_hat / (sqrt(v_hat) + eps) + weight_decay * param)；"
                                  "衰减不加到梯度上，而且用的是本步之前的参数"),
    "grokking.check.shares_one_wave": "p = 11，一列 cos(2π·3x/p)：全部功率都在 k = 3",
    "grokking.check.shares_two_columns": "p = 11，两列分别是 k = 2 的正弦和 k = 5 的余弦",
    "grokking.check.shares_constant": "p = 11，一列常数和一列 k = 1 的波",
    "grokking.check.shares_random": "p = 13，一个随机的 (13, 4) 嵌入",
    "grokking.check.shares_hint": ("np.fft.fft(E, axis=0) 在余数上变换每一列；对模取平方，对各列求和，"
                                   "把频率 p - k 加到频率 k 上（同一个实波），保留 k = 0..p // 2，再除以总和"),
    "grokking.check.answer_one_key": "p = 7，a = 2，b = 3，一个关键频率",
    "grokking.check.answer_wraps": "p = 97，a = 40，b = 80：和超过了 p，要绕回开头",
    "grokking.check.answer_nanda": "p = 113，Nanda et al. 的关键频率",
    "grokking.check.answer_not_prime": ("p = 15（不是素数），k = 3：cos(2π·3x/15) 每 5 个余数重复一次，所以 "
                                        "c = 3、8 和 13 并列最大，np.argmax 返回第一个：只有用余弦打分才能得到它"),
    "grokking.check.answer_hint": ("用 np.cos(2 * np.pi * k * (a + b - c) / p) 在各关键频率 k 上的和，"
                                   "给每个候选 c = np.arange(p) 打分，返回 int(np.argmax(score))；"
                                   "不要自己计算 (a + b) % p"),
    # progress bars (training.train, timeline.make_timeline, phase.run_phase_grid)
    "grokking.train.progress": "训练 p={p}，{fraction:.0%} 用于训练，权重衰减 {weight_decay:g}",
    "grokking.timeline.progress": "进展度量",
    "grokking.phase_grid.progress": "相图训练",
    # --- end lesson 03 ---
    # --- lesson 04 (course_lib/inverse_scaling) ---
    "inverse_scaling.shape.u_shaped": "U 形",
    "inverse_scaling.shape.inverted_u": "倒 U 形",
    "inverse_scaling.shape.positive": "正向缩放",
    "inverse_scaling.shape.inverse": "逆缩放",
    "inverse_scaling.shape.flat": "平坦",
    "inverse_scaling.shape.one_size": "只有一个规模：没有曲线",
    "inverse_scaling.hint.none": "无",
    "inverse_scaling.hint.steps": "中间步骤",
    "inverse_scaling.hint.answer": "答案",
    "inverse_scaling.common.chance": "随机水平",
    "inverse_scaling.common.accuracy": "准确率",
    "inverse_scaling.common.width_axis": "宽度（随机特征数）",
    "inverse_scaling.common.extra_input": "额外输入",
    "inverse_scaling.common.list_separator": "，",
    # family.py
    "inverse_scaling.family.progress_seeds": "干扰特征模型族（额外输入：{hint}），逐个种子",
    "inverse_scaling.family.progress_grid": "一致率网格，逐个模型族",
    # mixture_demo.py
    "inverse_scaling.mixture.caption": (
        "这是模型，不是数据：规模为 N 的模型以概率 T 做真实任务（答对），否则以“吸引力 × D”的概率"
        "被干扰任务带偏（总是答错），再否则就去猜。左图是准确率，右图是两种能力。"),
    "inverse_scaling.mixture.distractor_onset": "干扰能力起点（log₁₀ N）",
    "inverse_scaling.mixture.true_onset": "真实能力起点（log₁₀ N）",
    "inverse_scaling.mixture.distractor_sharpness": "干扰能力陡峭度",
    "inverse_scaling.mixture.true_sharpness": "真实能力陡峭度",
    "inverse_scaling.mixture.attraction": "干扰任务吸引力",
    "inverse_scaling.mixture.legend_accuracy": "准确率（模型）",
    "inverse_scaling.mixture.legend_true": "真实能力 T",
    "inverse_scaling.mixture.legend_distractor": "干扰能力 D",
    "inverse_scaling.mixture.xlabel": "模型规模 N（参数量）",
    "inverse_scaling.mixture.title_accuracy": "任务准确率",
    "inverse_scaling.mixture.title_abilities": "两种能力",
    "inverse_scaling.mixture.shape_text": "{shape}；最低 {lowest:.2f}",
    "inverse_scaling.mixture.end_text": "N = {largest} 时：T = {true:.2g}\n吸引力 × D = {pull:.2g}",
    "inverse_scaling.mixture.score_curve": "模型",
    "inverse_scaling.mixture.summary": "在这些规模上的形状：{shape}。这个分数是为上升的曲线设计的；U 形的低谷它看不到。",
    # family_demo.py
    "inverse_scaling.family_demo.caption": (
        "随机特征模型族的准确率随宽度的变化：细线是单个种子，粗线是它们在干扰特征反转的测试集上的均值；"
        "虚线是同分布数据上的均值（干扰特征与标签的一致程度和训练时相同）。"),
    "inverse_scaling.family_demo.agreement": "训练中的一致率",
    "inverse_scaling.family_demo.largest_width": "最大模型",
    "inverse_scaling.family_demo.legend_seeds": "单个种子",
    "inverse_scaling.family_demo.legend_reversed": "均值，干扰特征反转",
    "inverse_scaling.family_demo.legend_same": "均值，同分布",
    "inverse_scaling.family_demo.shape_text": ("平均曲线：{shape}\n{seeds} 个种子中有 {alike} 个形状相同\n"
                                               "最低均值 {lowest:.2f}\n位于宽度 {width}"),
    "inverse_scaling.family_demo.score_curve": "均值",
    "inverse_scaling.family_demo.score_reversed": "干扰特征反转",
    "inverse_scaling.family_demo.score_same": "同分布",
    "inverse_scaling.family_demo.seed_count": "{shape} {count} 个",
    "inverse_scaling.family_demo.summary": "各种子曲线的形状：{seeds}。",
    # sparse_demo.py
    "inverse_scaling.sparse.caption": (
        "模型族的平均准确率（干扰特征反转）：细线是所有宽度，粗线连起的标记是三个滑块选中的宽度"
        "（相同的选择只算一次）；图上方写出每种读法所显示的形状。"),
    "inverse_scaling.sparse.smallest": "最小（列表位置）",
    "inverse_scaling.sparse.middle": "中间（列表位置）",
    "inverse_scaling.sparse.largest": "最大（列表位置）",
    "inverse_scaling.sparse.every_width": "所有宽度",
    "inverse_scaling.sparse.legend_picked": "选中的宽度",
    "inverse_scaling.sparse.picked_one": "选中 {count} 个宽度",
    "inverse_scaling.sparse.picked_many": "选中 {count} 个宽度",
    "inverse_scaling.sparse.ylabel": "平均测试准确率",
    "inverse_scaling.sparse.out_of_order": "滑块顺序颠倒：按宽度从小到大读取",
    "inverse_scaling.sparse.count_once": "相同位置只算一次",
    "inverse_scaling.sparse.note_separator": "；",
    "inverse_scaling.sparse.notes": "\n（{notes}）",
    "inverse_scaling.sparse.shape_text": "所有宽度：{dense}；宽度 {widths}：{sparse}{notes}",
    "inverse_scaling.sparse.score_picked": "{count} 个宽度",
    "inverse_scaling.sparse.summary": "正分会被读作涌现；但它并不说明曲线在途中是否出现过低谷。",
    # checks.py: 练习 2.1
    "inverse_scaling.mixture_check.case_guess": "完全没有能力：只能猜",
    "inverse_scaling.mixture_check.case_distractor": "总是做干扰任务：总是答错",
    "inverse_scaling.mixture_check.case_true": "处处都有真实能力",
    "inverse_scaling.mixture_check.case_no_attraction": "毫无吸引力的干扰任务",
    "inverse_scaling.mixture_check.case_half": "一半的模型被干扰任务带偏",
    "inverse_scaling.mixture_check.case_four_options": "四个选项（随机水平 0.25）",
    "inverse_scaling.mixture_check.case_arrays": "跨模型规模的数组",
    "inverse_scaling.mixture_check.hint": (
        "三种作答方式：以概率 T 做真实任务（答对）；否则以概率 attraction * D 做干扰任务（答错）；"
        "再否则就去猜（以概率 chance 猜对）。把答对的途径加起来；numpy 对数组同样适用。"),
    # checks.py: 练习 4.1
    "inverse_scaling.shape_check.case_down_up": "先降后升",
    "inverse_scaling.shape_check.case_down": "只降不升",
    "inverse_scaling.shape_check.case_up": "只升不降",
    "inverse_scaling.shape_check.case_up_down": "先升后降",
    "inverse_scaling.shape_check.case_wiggles": "小于 tol 的波动",
    "inverse_scaling.shape_check.case_small_recovery": "回升不超过 tol 的低谷：仍是逆缩放",
    "inverse_scaling.shape_check.case_small_dip": "小于 tol 的低谷，然后上升",
    "inverse_scaling.shape_check.case_tighter_tol": "同样的低谷，tol 更小",
    "inverse_scaling.shape_check.case_small_rise": "小于 tol 的上升",
    "inverse_scaling.shape_check.case_peak_dip": "先有一个峰，再有更深的低谷：先检验 U 形",
    "inverse_scaling.shape_check.case_exact_drop": "恰好下降 tol，不算超过 tol",
    "inverse_scaling.shape_check.case_exact_rise": "恰好上升 tol，不算超过 tol",
    "inverse_scaling.shape_check.case_exact_dip": "两侧都恰好为 tol 的低谷",
    "inverse_scaling.shape_check.case_live": "本课训练的模型族（均值），所有宽度",
    "inverse_scaling.shape_check.case_live_small": "本课训练的模型族（均值），宽度不超过 16",
    "inverse_scaling.shape_check.hint": (
        "找出最低值和最高值；U 形要求第一个值和最后一个值比最低值高出的量都大于 tol；先检验 U 形，再检验倒 U 形，"
        "然后比较最后一个值与第一个值；每个检验都是“高出的量严格大于 tol”（用 >，不用 >=），正向和逆缩放的检验也一样"),
    # --- end lesson 04 ---
    # --- lesson 05 (course_lib/chinchilla) ---
    "chinchilla.law.rounded": "Hoffmann 四舍五入值",
    "chinchilla.law.unrounded": "Hoffmann 未四舍五入值",
    "chinchilla.law.epoch": "Epoch 2024",
    "chinchilla.parameters.non_embedding": "非嵌入",
    "chinchilla.parameters.all": "全部",
    "chinchilla.control.coefficients": "系数",
    "chinchilla.axis.parameters": "参数量 N",
    "chinchilla.isoflop.caption": ("左图：用相同计算量 C = 6ND 训练的各种规模模型的预测损失（一条 IsoFLOP 曲线）；"
                                   "圆点是曲线的最低点，方块是按你选的每参数词元数训练的模型。右图：每组系数的计算最优规模 "
                                   "N_opt(C)、表 3 的预测值（叉号）和当前预算（圆圈）。"),
    "chinchilla.isoflop.control_compute": "计算量 log₁₀ C（FLOPs）",
    "chinchilla.isoflop.control_ratio": "你的模型：每参数词元数",
    "chinchilla.isoflop.legend_line": "IsoFLOP 曲线",
    "chinchilla.isoflop.legend_optimum": "最优点",
    "chinchilla.isoflop.legend_yours": "你的比值",
    "chinchilla.isoflop.ylabel": "预测损失（nats/词元）",
    "chinchilla.isoflop.title_line": "一条 IsoFLOP 曲线",
    "chinchilla.isoflop.legend_table3": "表 3（方法 1）",
    "chinchilla.isoflop.xlabel_frontier": "训练计算量 C（FLOPs）",
    "chinchilla.isoflop.ylabel_frontier": "计算最优的 N",
    "chinchilla.isoflop.title_frontier": "前沿",
    "chinchilla.isoflop.row_compute": "计算量 C",
    "chinchilla.isoflop.value_compute": "{C:.3g} FLOPs",
    "chinchilla.isoflop.row_optimum": "N_opt / D_opt",
    "chinchilla.isoflop.value_optimum": "{n:.3g} / {d:.3g} 个词元",
    "chinchilla.isoflop.row_ratio": "最优的每参数词元数",
    "chinchilla.isoflop.row_loss": "最优点处的损失",
    "chinchilla.isoflop.row_yours": "你的模型（每参数 {ratio:.0f} 个词元）",
    "chinchilla.isoflop.value_yours": "N = {n:.3g}，损失 {loss:.4f}（+{extra:.4f}）",
    "chinchilla.toy.caption": ("左图：每个微型模型的最终损失（标记，每个计算预算一种颜色）随其规模的变化，"
                               "以及拟合出的定律的 IsoFLOP 曲线（实线）、拟合出的 E（虚线）和真实熵 H（点线）。"
                               "右图：三种方法给出的 N_opt 随计算量的变化，并附一条斜率为 0.5 的参考线。"
                               "开关决定 N 是否计入嵌入表。"),
    "chinchilla.toy.control_fit": "定律拟合方式",
    "chinchilla.toy.fit_free": "E 自由",
    "chinchilla.toy.fit_fixed": "E 固定为 H",
    "chinchilla.toy.control_parameters": "N 计入",
    "chinchilla.toy.entropy": "真实熵 H = {H:.3f}",
    "chinchilla.toy.fitted_e": "拟合的 E = {E:.3f}",
    "chinchilla.toy.ylabel": "损失（nats/词元）",
    "chinchilla.toy.legend_parabola": "2：抛物线最低点",
    "chinchilla.toy.legend_envelope": "1：包络线",
    "chinchilla.toy.legend_law": "3：拟合的定律",
    "chinchilla.toy.legend_guide": "斜率 0.5",
    "chinchilla.toy.legend_parabola_a": "2：抛物线最低点（a = {a:.2f}）",
    "chinchilla.toy.legend_envelope_a": "1：包络线（a = {a:.2f}）",
    "chinchilla.toy.legend_law_a": "3：拟合的定律（a = {a:.2f}）",
    "chinchilla.toy.xlabel_frontier": "计算量 C（FLOPs）",
    "chinchilla.toy.ylabel_frontier": "N_opt",
    "chinchilla.toy.xlabel": "{parameters}参数量 N",
    "chinchilla.toy.row_fit": "拟合",
    "chinchilla.toy.value_fit": "{fit}；N 计入{parameters}参数",
    "chinchilla.toy.row_a": "a（方法 1 / 2 / 3）",
    "chinchilla.toy.row_objective": "Huber 目标函数之和",
    "chinchilla.inference.caption": ("每个达到 Chinchilla 预测损失的模型规模都需要各自的训练词元数；曲线是它的训练加推理计算量"
                                     "相对于计算最优（Chinchilla 式）模型的比值，圆点是所选需求下最便宜的模型，"
                                     "三角形是计算最优的模型。"),
    "chinchilla.inference.control_inference": "全生命周期推理量 log₁₀（词元）",
    "chinchilla.inference.legend_best": "该需求下最便宜的模型",
    "chinchilla.inference.legend_optimal": "计算最优（不计推理）",
    "chinchilla.inference.ylabel": "全生命周期计算量\n（计算最优模型 = 1）",
    "chinchilla.inference.ratio": "{ratio:.0f} 词元/参数",
    "chinchilla.inference.row_target": "目标损失",
    "chinchilla.inference.row_inference": "推理词元数",
    "chinchilla.inference.row_optimal": "计算最优模型",
    "chinchilla.inference.row_cheapest": "最便宜的模型",
    "chinchilla.inference.value_model": "{n:.3g} 个参数，每参数 {ratio:.0f} 个词元",
    "chinchilla.inference.row_lifetime": "它的全生命周期计算量",
    "chinchilla.inference.value_lifetime": "计算最优模型的 {share:.1%}",
    "chinchilla.n_opt.case_law": "{law}，C = {C:.3g}",
    "chinchilla.n_opt.case_array": "一组预算（数组），{law}",
    "chinchilla.n_opt.hint": ("N_opt = G (C/6)^a，其中 a = beta/(alpha+beta)，G = (alpha A / (beta B))^(1/(alpha+beta))；"
                              "E 不起作用（它既不依赖 N，也不依赖 D）"),
    "chinchilla.parabola.case_exact": "关于 ln N 的精确抛物线，最低点在 N = 30,000",
    "chinchilla.parabola.case_uneven": "五个间距不均的规模，最低点落在其中两个之间",
    "chinchilla.parabola.case_grid": "缓存的玩具网格，C = {budget:.0e}",
    "chinchilla.parabola.hint": ("拟合 c2, c1, c0 = np.polyfit(np.log(N), loss, 2)；顶点位于 x = -c1 / (2 c2)，"
                                 "那里的规模是 N = exp(x)（介于已训练规模之间的一个规模，而不是其中之一）"),
    "chinchilla.ratio.case": "{law}，C = {C:.3g}，每参数 {ratio:g} 个词元",
    "chinchilla.ratio.hint": ("由 D = ratio * N 得 C = 6 N D = 6 ratio N^2，所以 N = sqrt(C / (6 ratio))；"
                              "然后返回 law.loss(N, ratio * N)"),
    "chinchilla.grid.progress": "IsoFLOP 训练",
    "chinchilla.bootstrap.refitting": "（这些训练与缓存的不同：正在对 {resamples} 个重采样重新拟合，需要 10 到 50 秒）",
    "chinchilla.summary.runs": "使用的训练：{total} 次中的 {used} 次；预算 {budgets}；N 计入{parameters}参数",
    "chinchilla.summary.approach1": "方法 1（包络线）：          a = {a:.3f}",
    "chinchilla.summary.approach2": "方法 2（IsoFLOP 抛物线）：  a = {a:.3f}，b = {b:.3f}",
    "chinchilla.summary.approach3_free": "方法 3（定律，E 自由）：    a = {a:.3f}；{law}",
    "chinchilla.summary.approach3_fixed": "方法 3（E 固定为 H）：      a = {a:.3f}；{law}",
    "chinchilla.summary.entropy": ("真实熵 H = {H:.4f}；拟合的 E - H = {gap:+.3f}；"
                                   "这些训练的最低损失 = {lowest:.4f}（比 H 高 {above:.3f}）"),
    "chinchilla.summary.objective": ("拟合目标函数（Huber 之和）：E 自由 {free:.2e}，E 固定 {fixed:.2e}"
                                     "（变差 {ratio:.1f} 倍）"),
    "chinchilla.seed_table.header": "种子     a (1: 包络线)     a (2: 抛物线) a (3: 定律)  E (定律)",
    "chinchilla.seed_table.spread": "差异   {a1:15.3f}  {a2:16.3f}  {a3:10.3f}   {E:7.3f}",
    # --- end lesson 05 ---
    # --- lesson 06 (course_lib/data_quality) ---
    "data_quality.banding.caption": ("左图：一对文档成为候选对的概率，曲线是 S 形曲线的预测，标记是在语料的每一对文档上"
                                     "按精确 Jaccard 相似度分箱的实测值（竖线为 95% Wilson 区间；不足 5 对的箱不画；"
                                     "点线：阈值 (1/b)^(1/r)；虚线：目标值）。右图：把精确 Jaccard 至少为目标值"
                                     "（虚线）的文档对定义为近似重复时，候选对的精确率和召回率。"),
    "data_quality.banding.control_split": "拆分",
    "data_quality.banding.control_target": "近似重复：J ≥",
    "data_quality.banding.split": "{bands} × {rows}",
    "data_quality.banding.bands_one": "{count} 个条带",
    "data_quality.banding.bands_many": "{count} 个条带",
    "data_quality.banding.rows_one": "{count} 行",
    "data_quality.banding.rows_many": "{count} 行",
    "data_quality.banding.legend_curve": "S 形曲线 $1 - (1 - s^r)^b$",
    "data_quality.banding.legend_measured": "实测",
    "data_quality.banding.xlabel_similarity": "精确 Jaccard 相似度 s",
    "data_quality.banding.ylabel_candidate": "P(成为候选对)",
    "data_quality.banding.legend_precision": "精确率",
    "data_quality.banding.legend_recall": "召回率",
    "data_quality.banding.xlabel_target": "目标 J（多相似才算近似重复）",
    "data_quality.banding.ylabel_share": "比例",
    "data_quality.banding.header_split": "拆分",
    "data_quality.banding.header_threshold": "阈值 (1/b)<sup>1/r</sup>",
    "data_quality.banding.header_candidates": "候选对",
    "data_quality.banding.header_true_pairs": "J ≥ 目标值的文档对",
    "data_quality.banding.header_precision": "精确率",
    "data_quality.banding.header_recall": "召回率",
    "data_quality.banding.progress": "LSH 条带划分",
    "data_quality.stages.header_stage": "阶段",
    "data_quality.stages.header_unit": "单位",
    "data_quality.stages.header_in": "输入",
    "data_quality.stages.header_removed": "去除",
    "data_quality.stages.header_planted": "植入",
    "data_quality.stages.header_precision": "精确率",
    "data_quality.stages.header_recall": "召回率",
    "data_quality.stages.content_filtering": "内容过滤",
    "data_quality.stages.text_extraction": "文本提取",
    "data_quality.stages.quality_filtering": "质量过滤",
    "data_quality.stages.repetition_removal": "重复内容去除",
    "data_quality.stages.document_deduplication": "文档去重",
    "data_quality.stages.test_set_filtering": "测试集过滤",
    "data_quality.stages.unit_documents": "文档",
    "data_quality.stages.unit_lines": "行",
    "data_quality.minhash_signature.case_one": "只有一个 shingle",
    "data_quality.minhash_signature.case_repeated": "三个 shingle，其中一个重复",
    "data_quality.minhash_signature.case_large": "很大的 shingle id（乘积需要 62 位）",
    "data_quality.minhash_signature.case_corpus": "语料中的一个文档，128 个哈希函数（与 dedup.minhash_signatures 相同）",
    "data_quality.minhash_signature.hint": ("构建一张（哈希函数 × shingle）的表 (a[:, None] * x[None, :] + "
                                            "b[:, None]) % PRIME，然后沿 shingle 方向取最小值（axis=1）"),
    "data_quality.choose_bands_rows.case": "{num_perm:,} 个哈希函数，阈值 {threshold}",
    "data_quality.choose_bands_rows.case_one_band": "16 个哈希函数，阈值 0.97（一个条带包含全部 16 行）",
    "data_quality.choose_bands_rows.case_fineweb": "112 个哈希函数，阈值 0.75（FineWeb 用了 14 个条带、每个条带 8 行）",
    "data_quality.choose_bands_rows.case_lee": "9,000 个哈希函数，阈值 0.74（Lee et al. 用了 450 个条带、每个条带 20 行）",
    "data_quality.choose_bands_rows.hint": ("遍历每个能整除 num_perm 的行数 r（bands = num_perm // r），保留 "
                                            "(1 / bands) ** (1 / rows) 最接近阈值的拆分；按 (bands, rows) 的顺序返回"),
    "data_quality.ngram_hit.case_copied": "题目被原样复制进训练文本",
    "data_quality.ngram_hit.case_capitals": "同样的词，但带大写字母和标点",
    "data_quality.ngram_hit.case_12_words": "只有 12 个词相同",
    "data_quality.ngram_hit.case_13_words": "有 13 个词相同，位于题目末尾",
    "data_quality.ngram_hit.case_last_window": "有 13 个词相同，位于训练文本的最末尾（最后一个窗口也要算）",
    "data_quality.ngram_hit.case_inside_words": ("题目中的词包含在训练文本更长的词里（\"he old man\" 在 \"the old man\" "
                                                 "中）：必须整词匹配，而不是拼接字符串中的字符匹配"),
    "data_quality.ngram_hit.case_short": "比 n 短的题目不可能匹配",
    "data_quality.ngram_hit.case_short_at_end": "比 n 短的题目恰好是训练文本的结尾（不足 n 个词的窗口不算）",
    "data_quality.ngram_hit.case_short_equal": "比 n 短的题目与同样比 n 短的训练文本完全相同",
    "data_quality.ngram_hit.case_nothing": "没有任何相同之处",
    "data_quality.ngram_hit.case_paraphrase": "n = 4，改写后仍保留连续四个词",
    "data_quality.ngram_hit.case_cut_short": "n = 4，训练文本的最后三个词是题目的开头（末尾被截短的窗口）",
    "data_quality.ngram_hit.hint": ("把两段文本都规范化（course_lib.corpus.normalize：转为小写，去掉标点），把训练文本"
                                    "中每个完整的 n 词窗口放进一个元组集合，再逐个查找题目中每个完整的 n 词窗口；"
                                    "返回 True 或 False"),
    # --- end lesson 06 ---
    # --- lesson 07 (course_lib/memorisation) ---
    "memorisation.corpus.raw": "原始语料",
    "memorisation.corpus.deduplicated": "去重语料",
    "memorisation.canaries.caption": (
        "左图：以金丝雀序列的 10 词元前缀为提示时，采样恰好写出其 31 词元续写的精确概率，"
        "分别画出每个金丝雀序列（小标记）和按植入次数求出的均值（折线），模型分别在原始语料和去重语料上训练"
        "（虚线下限位于所示最小值之下一个数量级，但不低于 10⁻²⁵；低于它的值，以及 T = 0 贪心解码给出的 0，"
        "都画在这条线上）。右图：样本（以普通语料片段为提示的续写）中含有长度至少为 m 个词元、"
        "且抄自模型自身训练集的片段的比例；点线标出 m = 20，即本课算作记忆的长度。"),
    "memorisation.canaries.control_order": "n 元模型的阶数",
    "memorisation.canaries.control_temperature": "温度 T（0 = 贪心）",
    "memorisation.canaries.control_samples": "样本数",
    "memorisation.canaries.legend_mean": "{corpus}（均值）",
    "memorisation.canaries.floor": "≤ {power} 或 0",
    "memorisation.canaries.xlabel": "金丝雀序列的植入次数（k）",
    "memorisation.canaries.ylabel": "P(精确复现)",
    "memorisation.canaries.xlabel_span": "片段长度 m（词元）",
    "memorisation.canaries.ylabel_share": "含 ≥ m 词元副本的样本比例",
    "memorisation.canaries.summary_settings": "{order} 元模型，T = {temperature:.1f}",
    "memorisation.canaries.summary_copies": "含 ≥ {span} 词元副本的样本（共 {n_samples} 个）",
    "memorisation.family.progress": "n 元模型",
    "memorisation.quantity.progress": "训练集",
    "memorisation.continuation_probability.case_one_word": "一个词：P(cat | the)",
    "memorisation.continuation_probability.case_two_words": "两个词：P(cat sat | the)",
    "memorisation.continuation_probability.case_unseen": "续写中含有从未见过的二元组（概率为 0）",
    "memorisation.continuation_probability.case_chain": "一条更长的链，最后回到起点",
    "memorisation.continuation_probability.case_totals": "各行总数不同",
    "memorisation.continuation_probability.case_array": "续写以 numpy 数组给出",
    "memorisation.continuation_probability.hint": (
        "沿着续写逐词前进：乘以 counts[prev, word] / counts[prev].sum()（前一个词所在的行），"
        "然后把这个词作为新的前一个词"),
    "memorisation.regurgitation_threshold.case_steep": "陡峭上升，计数按顺序排列",
    "memorisation.regurgitation_threshold.case_shuffled": "同样的金丝雀序列，顺序打乱",
    "memorisation.regurgitation_threshold.case_reversed": "同样的金丝雀序列，最大的计数在前",
    "memorisation.regurgitation_threshold.case_one_canary": "某个计数中有一个金丝雀序列高于 1/2，但该计数的均值没有",
    "memorisation.regurgitation_threshold.case_mean_decides": "某个计数中两个金丝雀序列高于 1/2，一个远低于它：由均值决定",
    "memorisation.regurgitation_threshold.case_exactly_half": "均值恰好为 1/2 不算“超过一半”",
    "memorisation.regurgitation_threshold.case_never": "从未超过 1/2（答案为 None）",
    "memorisation.regurgitation_threshold.case_spread": "各金丝雀序列的值分散在均值周围",
    "memorisation.regurgitation_threshold.case_not_powers": "计数不是 2 的幂",
    "memorisation.regurgitation_threshold.case_dip": "均值在第一次超过 1/2 之后又降到低于 1/2（以第一次为准）",
    "memorisation.regurgitation_threshold.hint": (
        "对每个不同的计数 k，从小到大（np.unique 会排序），求植入 k 次的金丝雀序列的平均概率；"
        "返回第一个均值严格大于 0.5 的 k，如果没有，返回 None"),
    "memorisation.regurgitation_threshold.expected_none": "没有哪个计数满足条件：请返回 None 本身（不是 -1、0 或 False）",
    "memorisation.regurgitation_threshold.got_none": "有计数满足条件：请返回这个计数 k（函数是不是忘了 `return`？）",
    "memorisation.regurgitation_threshold.not_int": "请以 int 返回植入次数 k，得到的是 {kind}",
    "memorisation.regurgitation_threshold.wrong_count": "答案是一个植入次数；{got} 不是第一个超过 1/2 的计数",
    "memorisation.quantity.legend_syntax": "句法：最小对",
    "memorisation.quantity.legend_facts": "事实：每个人所住的城镇",
    "memorisation.quantity.legend_chance_syntax": "随机水平，句法（{chance:.0%}）",
    "memorisation.quantity.legend_chance_facts": "随机水平，事实（{chance:.0%}）",
    "memorisation.quantity.ylabel_probes": "探测准确率",
    "memorisation.quantity.legend_rank": "被提及次数排名 {first}-{last}",
    "memorisation.quantity.ylabel_facts": "事实准确率",
    "memorisation.figures.training_tokens": "训练词元数",
    "memorisation.connections.legend_per_token": "逐词元概率",
    "memorisation.connections.legend_exact": "精确匹配（全部词元）",
    "memorisation.connections.xlabel_k": "植入次数（k）",
    "memorisation.connections.ylabel_mean": "各金丝雀序列的均值",
    "memorisation.connections.floor": "≤ {power} 的值画在此处",
    "memorisation.connections.xlabel_order": "阶数 n（模型“规模”）",
    "memorisation.connections.ylabel_order": "P(复现)，k = {k}",
    "memorisation.connections.legend_trained_on": "在{corpus}上训练",
    "memorisation.connections.ylabel_bits": "留出集每词元比特数",
    # --- end lesson 07 ---
}
