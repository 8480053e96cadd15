-- An index Camunda's schema lacks: completing a task looks for its subtasks by PARENT_TASK_ID_,
-- which read the whole task table without it (12 ms a step with 100,000 open tasks).
-- "if not exists": databases where Tandem's engine plugin created it before V17 keep theirs.
create index if not exists act_idx_task_parent on act_ru_task (parent_task_id_);
