
import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('volunteers', '0003_centre_lives_in_core'),
    ]

    operations = [
        migrations.AlterField(
            model_name='taskpage',
            name='description',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('document', 9), ('quote', 12), ('table', 13), ('call_to_action', 19)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Subsection heading')], 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['h3', 'h4', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'label': 'Text', 'template': 'core/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 8: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the document's title.", 'label': 'link text', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('document', 7), ('title', 8)]], {}), 10: ('wagtail.blocks.TextBlock', (), {'label': 'quotation'}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'author', 'max_length': 200, 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('quote', 10), ('attribution', 11)]], {}), 13: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'label': 'Table', 'table_options': {'contextMenu': ['row_above', 'row_below', 'col_left', 'col_right', 'remove_row', 'remove_col']}, 'template': 'core/blocks/table.html'}), 14: ('wagtail.blocks.CharBlock', (), {'label': 'title', 'max_length': 120}), 15: ('wagtail.blocks.TextBlock', (), {'label': 'text', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'button text', 'max_length': 60}), 17: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 18: ('wagtail.blocks.URLBlock', (), {'label': 'or address', 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('title', 14), ('text', 15), ('button_text', 16), ('page', 17), ('url', 18)]], {})}, verbose_name='description'),
        ),
    ]
