"""Entry script for spark-submit (absolute imports: spark-submit runs it as a file).

    spark-submit --master yarn "$(python -c 'import storyweave.spark.submit as s; print(s.__file__)')" \\
        hdfs:///news/2025 hdfs:///news/2025-stories --format parquet
"""

import sys

from storyweave.spark.job import main

if __name__ == "__main__":
    sys.exit(main())
